package id.kanal.dialog.port;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The outbox seen by its sender: claim due rows, record how each send went, and record the
 * provider's later delivery reports. Rows are written by {@code id.kanal.store.Outbox.enqueue}
 * in the transaction of the change that caused them.
 *
 * <p>A claim is a lease: a row is {@code SENDING} for one claimer until {@code now + lease};
 * if that sender dies, the row is due again when the lease runs out. Every update after the
 * claim names the claim id and does nothing when the claim was lost.
 */
public interface OutboxQueue {
    /**
     * Claims up to {@code limit} due rows of the given channels: pending rows whose next
     * attempt is due, and rows whose sender's lease ran out; replies (priority 0) first, then
     * by due time. Two claimers never get the same row.
     */
    List<OutboxItem> claimDue(Set<Channel> channels, Instant now, Duration lease, int limit);

    /** When the next row of these channels falls due (a pending attempt or a lease running out). */
    Optional<Instant> nextDue(Set<Channel> channels);

    /** Marks a claimed row sent; {@code via} says how ("sms", "whatsapp-template", ...). False when the claim was lost. */
    boolean markSent(OutboxItem item, String providerId, String via, Instant now);

    /**
     * Gives a claimed row back, due again at {@code at}; {@code error} is kept and counts as a
     * failed attempt when present (a rate-limit wait is not an attempt).
     */
    boolean reschedule(OutboxItem item, Instant at, Optional<String> error);

    /** Marks a claimed row as never deliverable, keeping the error. */
    boolean markFailed(OutboxItem item, String error, Instant now);

    /**
     * Records a provider's delivery report (e.g. Twilio's MessageStatus and ErrorCode) on the
     * row sent with that provider id; returns the row's recipient, empty when no row has it.
     */
    Optional<Address> recordDelivery(String providerId, String status, Optional<String> errorCode, Instant now);
}
