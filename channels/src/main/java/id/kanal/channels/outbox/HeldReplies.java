package id.kanal.channels.outbox;

import id.kanal.dialog.port.OutboundMessage;
import id.kanal.dialog.port.OutboxItem;

import java.time.Instant;

/**
 * Replies an adapter sends itself after answering the provider (Telegram's {@code sendMessage}
 * after the webhook's 200), held in the outbox first: the row is durable before the provider
 * hears "done", claimed by the adapter for a short lease. The adapter sends at once and reports
 * how it went; if it dies before reporting, the lease runs out and the outbox sender delivers
 * the row, so a crash between the answer and the send loses nothing.
 */
public interface HeldReplies {
    /** What {@link #hold} did. */
    sealed interface Hold {
        /** Written now and claimed by the caller: send it, then report with the item. */
        record Mine(OutboxItem item) implements Hold {
        }

        /** Written before (the provider retried after a crash): the outbox delivers it, the caller sends nothing. */
        record Earlier() implements Hold {
        }

        /** Nothing is held (no outbox): send directly, as best effort. */
        record Off() implements Hold {
        }
    }

    /** Holds {@code m} under {@code key} (the same key for a provider's retry of the same update). */
    Hold hold(String key, OutboundMessage m, Instant now);

    /** The direct send went through. */
    void sent(OutboxItem item, String providerId, Instant now);

    /** The direct send failed in a way worth retrying: the outbox sender takes the row over now. */
    void retry(OutboxItem item, String error, Instant now);

    /** The direct send failed for good. */
    void failed(OutboxItem item, String error, Instant now);

    /** Holds nothing: replies are sent directly only (an adapter tested alone). */
    static HeldReplies off() {
        return new HeldReplies() {
            @Override
            public Hold hold(String key, OutboundMessage m, Instant now) {
                return new Hold.Off();
            }

            @Override
            public void sent(OutboxItem item, String providerId, Instant now) {
            }

            @Override
            public void retry(OutboxItem item, String error, Instant now) {
            }

            @Override
            public void failed(OutboxItem item, String error, Instant now) {
            }
        };
    }
}
