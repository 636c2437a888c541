package id.kanal.channels.outbox;

import id.kanal.dialog.port.OutboundMessage;
import id.kanal.dialog.port.OutboxItem;
import id.kanal.dialog.port.OutboxQueue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** {@link HeldReplies} in the outbox table: the held row is a claim, reported through {@link OutboxQueue}. */
public final class OutboxHeldReplies implements HeldReplies {
    /** Writes a row already claimed by its writer; empty when the key exists (see {@code SqlOutboxQueue.hold}). */
    @FunctionalInterface
    public interface Holder {
        Optional<OutboxItem> hold(String key, OutboundMessage m, Instant now, Duration lease);
    }

    private final OutboxQueue queue;
    private final Holder holder;
    private final Duration lease;
    private final Runnable wake;

    /**
     * @param lease how long the adapter's claim lasts: longer than its direct send may take (the
     *              outbox would otherwise send a second copy), short enough that a crash delays the
     *              reply little
     * @param wake  wakes the outbox sender (a row handed over is due at once)
     */
    public OutboxHeldReplies(OutboxQueue queue, Holder holder, Duration lease, Runnable wake) {
        this.queue = queue;
        this.holder = holder;
        this.lease = lease;
        this.wake = wake;
    }

    @Override
    public Hold hold(String key, OutboundMessage m, Instant now) {
        return holder.hold(key, m, now, lease).<Hold>map(Hold.Mine::new).orElseGet(Hold.Earlier::new);
    }

    @Override
    public void sent(OutboxItem item, String providerId, Instant now) {
        queue.markSent(item, providerId, item.message().to().channel().id(), now);
    }

    @Override
    public void retry(OutboxItem item, String error, Instant now) {
        queue.reschedule(item, now, Optional.of(error));
        wake.run();
    }

    @Override
    public void failed(OutboxItem item, String error, Instant now) {
        queue.markFailed(item, error, now);
    }
}
