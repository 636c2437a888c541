package id.kanal.channels.smpp;

import id.kanal.dialog.port.OutboxQueue;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Applies delivery receipts: the part's state in the {@link SmppLedger}, then the whole
 * message's on its outbox row ({@code delivered} when every part is, {@code failed} with the
 * SMSC's stat and error otherwise), where the console shows Twilio's status too.
 *
 * <p>A receipt can overtake its own bookkeeping: an SMSC may send it before Kanal has written
 * the parts' ids or marked the row sent. Such a receipt is tried again a few times over a few
 * seconds; one for an id Kanal never sent is then logged and ignored.
 */
final class SmppReceipts implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SmppReceipts.class.getName());
    private static final Duration RETRY_EVERY = Duration.ofMillis(250);
    private static final int ATTEMPTS = 20;

    private final SmppLedger ledger;
    private final OutboxQueue outbox;
    private final Clock clock;
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("smpp-receipts").factory());

    SmppReceipts(SmppLedger ledger, OutboxQueue outbox, Clock clock) {
        this.ledger = ledger;
        this.outbox = outbox;
        this.clock = clock;
    }

    void apply(String link, SmppInbound.Receipt r) {
        attempt(link + ":" + r.messageId(), r, 1);
    }

    private void attempt(String segmentId, SmppInbound.Receipt r, int attempt) {
        if (r.outcome() == SmppInbound.Receipt.Outcome.PENDING) {
            LOG.log(System.Logger.Level.DEBUG, "receipt id={0} stat={1}: still on its way", segmentId, r.stat());
            return;
        }
        SmppLedger.SegmentState state = r.outcome() == SmppInbound.Receipt.Outcome.DELIVERED
                ? SmppLedger.SegmentState.DELIVERED : SmppLedger.SegmentState.FAILED;
        Optional<String> error = state == SmppLedger.SegmentState.FAILED
                ? Optional.of(r.stat() + r.error().map(e -> " err:" + e).orElse("")) : Optional.empty();
        boolean done;
        try {
            // A message in several parts is in the ledger; a single part's id is its row's provider id.
            Optional<SmppLedger.Delivery> d = ledger.segmentReceipt(segmentId, state, error, clock.instant())
                    .or(() -> Optional.of(new SmppLedger.Delivery(segmentId, state, error)));
            done = d.get().state() == SmppLedger.SegmentState.SENT || record(d.get());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "receipt id=" + segmentId + " not recorded yet", e);
            done = false;
        }
        if (done) {
            return;
        }
        if (attempt >= ATTEMPTS) {
            LOG.log(System.Logger.Level.INFO, "ignored receipt id={0} stat={1}: no message sent with that id",
                    segmentId, r.stat());
            return;
        }
        later.schedule(() -> attempt(segmentId, r, attempt + 1), RETRY_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private boolean record(SmppLedger.Delivery d) {
        String status = d.state() == SmppLedger.SegmentState.DELIVERED ? "delivered" : "failed";
        boolean found = outbox.recordDelivery(d.providerId(), status, d.error(), clock.instant()).isPresent();
        if (found) {
            LOG.log(System.Logger.Level.DEBUG, "delivery provider_id={0} status={1}", d.providerId(), status);
        }
        return found;
    }

    @Override
    public void close() {
        later.shutdownNow();
    }
}
