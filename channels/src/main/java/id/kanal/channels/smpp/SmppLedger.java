package id.kanal.channels.smpp;

import id.kanal.dialog.port.OutboundMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the SMPP channel keeps durably, beside the dialog's own inbound record: which inbound
 * message a {@code deliver_sm} is (SMPP gives a resident's message no id of its own), whether
 * its reply was queued, and which SMSC message ids make up each outbound message so that
 * receipts can update its outbox row. App implements it on the database; tests in memory.
 */
public interface SmppLedger {
    /**
     * The provider id for an inbound message with this content key: the id of one received
     * within {@code window} and not yet answered (the SMSC is delivering it again because no
     * {@code deliver_sm_resp} reached it), otherwise a new id, recorded.
     */
    String inbound(String contentKey, Instant now, Duration window);

    /**
     * Marks the inbound message answered and, in the same transaction, enqueues its reply (when
     * there is one) unless that was done before. True when this call enqueued it.
     */
    boolean answered(String providerId, Optional<OutboundMessage> reply, Instant now);

    /** Records the SMSC ids of the parts of one submitted message, sent as {@code providerId}. */
    void segmentsSent(String providerId, List<String> segmentIds, Instant now);

    /**
     * Records a receipt for one part and says where the whole message stands: empty for a
     * segment id Kanal never sent.
     */
    Optional<Delivery> segmentReceipt(String segmentId, SegmentState state, Optional<String> error, Instant now);

    /** A part's state as its receipts tell it. */
    enum SegmentState { SENT, DELIVERED, FAILED }

    /**
     * Where a message stands after a receipt.
     *
     * @param providerId the outbox row's provider id
     * @param state      DELIVERED when every part is, FAILED when any part failed, SENT while some are open
     * @param error      the failed part's error
     */
    record Delivery(String providerId, SegmentState state, Optional<String> error) {
    }

    /** In memory, for tests and the benchmark: replies go to {@code outbox}. */
    static SmppLedger inMemory(java.util.function.Consumer<OutboundMessage> outbox) {
        return new MemorySmppLedger(outbox);
    }
}
