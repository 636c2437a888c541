package id.kanal.dialog.port;

import id.kanal.dialog.Address;
import id.kanal.dialog.Conversation;
import id.kanal.dialog.Reply;

import java.util.Optional;

/**
 * Durable conversations and transcripts; a handled message is recorded, for deduplication, on its
 * line of its sender's transcript.
 */
public interface ConversationStore {
    /**
     * The reply given to a message already handled (a provider's retry), found by its sender and its
     * provider id: a message is recorded with its sender's turn, so a retry, which comes from the
     * same sender on the same channel, finds it there.
     */
    Optional<Reply> replyTo(Address from, String providerMessageId);

    Optional<Conversation> load(Address resident);

    /**
     * Records a handled message in one transaction: the conversation's new state and the
     * transcript (the reply's line only when there was a reply), which holds the message's provider
     * id and how it was answered, for {@link #replyTo} (deduplication).
     */
    void save(Turn turn);

    /** Saves a conversation changed outside a turn (an agent took it or handed it back). */
    void saveState(Conversation conversation);

    /**
     * Adds a staff-only line to the conversation's transcript (agents see it, the resident never
     * does), e.g. the flag on an emergency in a conversation an agent has. Stores without a
     * transcript for staff ignore it.
     */
    default void note(Conversation conversation, String text, java.time.Instant at) {
    }
}
