package id.kanal.store.console;

import id.kanal.dialog.Address;

import java.util.List;
import java.util.Optional;

/** What the console reads about conversations: the queue, one conversation, its transcript, its reply limits. */
public interface ConversationQueue {
    /** Waiting conversations oldest first, then those with agents (oldest first). */
    List<ConversationSummary> queue();

    Optional<ConversationSummary> find(Address resident);

    List<TranscriptLine> transcript(Address resident);

    ReplyLimits limits(Address resident);

    /**
     * Conversations whose resident's number ends in the searched digits, or whose messages hold
     * every searched word (a ticket code a resident quoted included), most recently active first.
     */
    List<ConversationSummary> search(SearchText text, int limit);

    /** Every conversation not with the bot (queued or with an agent). */
    List<Address> handedOff();
}
