package id.kanal.dialog.port;

import java.util.Objects;

/**
 * One outbox row claimed by a sender.
 *
 * @param id       the row's id
 * @param message  what to send and to whom
 * @param attempts sends tried before this one
 * @param claimId  the claim this sender holds: every later update of the row names it, so a
 *                 sender whose lease ran out (and whose row another sender took) changes nothing
 */
public record OutboxItem(String id, OutboundMessage message, int attempts, String claimId) {
    public OutboxItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(claimId, "claimId");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must be >= 0: " + attempts);
        }
    }
}
