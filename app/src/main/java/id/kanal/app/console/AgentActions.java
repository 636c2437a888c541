package id.kanal.app.console;

import id.kanal.channels.outbox.OutboxSender;
import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.Gsm7;
import id.kanal.dialog.port.OutboundMessage;
import id.kanal.store.console.AgentRecords;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * What agents write ({@link AgentRecords}, one transaction each), then the outbox sender woken
 * for what was queued and the consoles told what changed.
 */
final class AgentActions {
    private final AgentRecords records;
    private final OutboxSender outbox;
    private final ConsoleEvents events;
    private final Clock clock;

    AgentActions(AgentRecords records, OutboxSender outbox, ConsoleEvents events, Clock clock) {
        this.records = records;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    /** Where a reply on this conversation goes: a USSD session is gone, so by SMS to the same number. */
    static Address replyAddress(Address a) {
        return a.channel() == Channel.USSD ? new Address(Channel.SMS, a.value()) : a;
    }

    /**
     * An agent's reply: refused (403) unless this agent owns the conversation, checked inside the
     * transaction that writes it.
     */
    void reply(Address a, String agent, String text, Optional<String> template) {
        String body = replyAddress(a).channel().isNarrow() ? Gsm7.clip(text, 1600) : text;
        OutboundMessage message = new OutboundMessage(replyAddress(a), body, "agent-reply", OutboundMessage.REPLY,
                template);
        records.reply(a, agent, message, clock.instant()).ifPresent(refused -> {
            if (!refused.exists()) {
                throw ConsoleException.notFound("no such conversation");
            }
            throw ConsoleException.forbidden(refused.owner() == null
                    ? "take the conversation before answering it"
                    : "this conversation belongs to " + refused.owner());
        });
        // Committed: the sender need not wait for its next poll to deliver it.
        outbox.wake();
        events.publish(a);
    }

    /** An internal note: staff only, never sent. */
    void note(Address a, String agent, String text) {
        records.note(a, agent, text, clock.instant());
        events.publish(a);
    }

    /** After the engine handed the conversation back: the bot's message to the resident, and the log closed. */
    void handedBack(Address a, String agent, String message) {
        records.handedBack(a, agent, new OutboundMessage(replyAddress(a), message, "agent-handback",
                OutboundMessage.REPLY, Optional.empty()), clock.instant());
        outbox.wake();
        events.publish(a);
    }

    void transferred(Address a, String from, String to) {
        records.transferred(a, from, to, clock.instant());
        events.publish(a);
    }

    void taken(Address a, String agent, Instant queuedAt, Instant takenAt) {
        records.taken(a, agent, queuedAt, takenAt);
        events.publish(a);
    }

    /** Auto-assignment gave the agent this conversation: noted as such, not as the agent's own take. */
    void assignedAutomatically(Address a, String agent, Instant queuedAt, Instant takenAt) {
        records.assignedAutomatically(a, agent, queuedAt, takenAt);
        events.publish(a);
    }
}
