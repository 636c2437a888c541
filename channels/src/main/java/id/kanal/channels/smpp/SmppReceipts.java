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
        attempt(idForms(r.messageId()).stream().map(id -> link + ":" + id).toList(), r, 1);
    }

    /**
     * The id as the receipt gives it, then in the other base: some SMSCs answer {@code submit_sm}
     * with a hexadecimal id and put it in the receipt's text in decimal (or the other way round).
     */
    static java.util.List<String> idForms(String id) {
        java.util.List<String> forms = new java.util.ArrayList<>(java.util.List.of(id));
        try {
            if (id.matches("\\d{1,18}")) {
                forms.add(Long.toHexString(Long.parseLong(id)));
            }
            if (id.matches("[0-9a-fA-F]{1,15}")) {
                forms.add(Long.toString(Long.parseLong(id, 16)));
            }
        } catch (NumberFormatException e) {
            // not a number in that base: the id as given is all there is
        }
        return forms.stream().distinct().toList();
    }

    private void attempt(java.util.List<String> segmentIds, SmppInbound.Receipt r, int attempt) {
        String segmentId = segmentIds.get(0);
        if (r.outcome() == SmppInbound.Receipt.Outcome.PENDING) {
            LOG.log(System.Logger.Level.DEBUG, "receipt id={0} stat={1}: still on its way", segmentId, r.stat());
            return;
        }
        SmppLedger.SegmentState state = r.outcome() == SmppInbound.Receipt.Outcome.DELIVERED
                ? SmppLedger.SegmentState.DELIVERED : SmppLedger.SegmentState.FAILED;
        Optional<String> error = state == SmppLedger.SegmentState.FAILED
                ? Optional.of(r.stat() + r.error().map(e -> " err:" + e).orElse("")) : Optional.empty();
        boolean done = false;
        for (String id : segmentIds) {
            try {
                // A message in several parts is in the ledger; a single part's id is its row's provider id.
                Optional<SmppLedger.Delivery> d = ledger.segmentReceipt(id, state, error, clock.instant())
                        .or(() -> Optional.of(new SmppLedger.Delivery(id, state, error)));
                done = d.get().state() == SmppLedger.SegmentState.SENT || record(d.get());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "receipt id=" + id + " not recorded yet", e);
            }
            if (done) {
                break;
            }
        }
        if (done) {
            return;
        }
        if (attempt >= ATTEMPTS) {
            LOG.log(System.Logger.Level.INFO, "ignored receipt id={0} stat={1}: no message sent with that id",
                    segmentId, r.stat());
            return;
        }
        later.schedule(() -> attempt(segmentIds, r, attempt + 1), RETRY_EVERY.toMillis(), TimeUnit.MILLISECONDS);
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
