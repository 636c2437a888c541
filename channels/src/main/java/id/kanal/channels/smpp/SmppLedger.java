package id.kanal.channels.smpp;

import id.kanal.dialog.port.OutboundMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the SMPP channel keeps durably, beside the dialog's own inbound record: which inbound
 * message a {@code deliver_sm} is (SMPP gives a resident's message no id of its own), whether
 * its reply was queued, the parts of concatenated messages still waiting for their siblings, and which SMSC message ids make up each outbound message so that
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
     * there is one) unless that was done before, and forgets the held parts it was assembled from
     * ({@code parts}, for a concatenated message), so a restart never hands them on a second time.
     * True when this call enqueued the reply.
     */
    boolean answered(String providerId, Optional<OutboundMessage> reply, Optional<PartsKey> parts, Instant now);

    /**
     * Holds one part of a concatenated message durably, before its {@code deliver_sm_resp} goes
     * back (the SMSC never sends an acknowledged part again). A part held already (same message
     * and {@code seq}: the SMSC delivered it again) is kept as it was, and this returns false.
     */
    boolean holdPart(HeldPart part);

    /** The held parts of one message, by {@code seq}. */
    List<HeldPart> heldParts(PartsKey message);

    /** Every part held for a link (what a previous run left, or parts still waiting), by message then {@code seq}. */
    List<HeldPart> heldParts(String link);

    /** Which message a part belongs to: the parts of one message share link, source, reference and part count. */
    record PartsKey(String link, String source, int ref, int total) {
        public PartsKey {
            Objects.requireNonNull(link, "link");
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * One part held until its message is whole or its wait runs out.
     *
     * @param receivedAt when this part first arrived (the wait runs from the message's earliest part)
     */
    record HeldPart(PartsKey message, int seq, String dest, String text, Instant receivedAt) {
        public HeldPart {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(dest, "dest");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(receivedAt, "receivedAt");
        }
    }

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
