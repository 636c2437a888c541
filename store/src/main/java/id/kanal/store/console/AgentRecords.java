package id.kanal.store.console;

import id.kanal.dialog.Address;
import id.kanal.dialog.port.OutboundMessage;

import java.time.Instant;
import java.util.Optional;

/**
 * What agents' actions write: each call is one transaction, so the transcript line, the outbox
 * message and the handoff log commit together or not at all.
 */
public interface AgentRecords {
    /** How an agent appears as a transcript line's author. */
    static String author(String username) {
        return "agent:" + username;
    }

    /**
     * Why a reply was refused.
     *
     * @param exists whether the conversation exists
     * @param owner  the agent the conversation is with, or null when no agent took it
     */
    record Refusal(boolean exists, String owner) {
    }

    /**
     * An agent's reply: written only when this agent owns the conversation (checked inside the
     * transaction that writes it); the first answer after a take is logged.
     */
    Optional<Refusal> reply(Address conversation, String agent, OutboundMessage message, Instant now);

    /** An internal note: staff only, never sent. */
    void note(Address conversation, String agent, String text, Instant now);

    /** After the engine handed the conversation back: the bot's message to the resident, and the log closed. */
    void handedBack(Address conversation, String agent, OutboundMessage botMessage, Instant now);

    void transferred(Address conversation, String from, String to, Instant now);

    /** An agent took the conversation: a new handoff log entry (closing any open one) and a note. */
    void taken(Address conversation, String agent, Instant queuedAt, Instant takenAt);

    /**
     * Auto-assignment gave an agent the conversation: as {@link #taken}, with a note that says it
     * was assigned automatically (so nobody reads it as the agent's own take).
     */
    void assignedAutomatically(Address conversation, String agent, Instant queuedAt, Instant takenAt);
}
