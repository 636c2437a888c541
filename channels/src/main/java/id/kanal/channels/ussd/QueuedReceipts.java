package id.kanal.channels.ussd;

import id.kanal.dialog.InboundMessage;

/**
 * Whether a USSD turn filed a complaint, whose SMS receipt the complaint desk queued in the
 * filing transaction. A turn that ran past the deadline has its reply sent by SMS; for a filing
 * turn that reply says what the receipt says, so the resident would get the same news twice.
 */
@FunctionalInterface
public interface QueuedReceipts {
    /** @param turn the inbound message whose turn ran */
    boolean queuedFor(InboundMessage turn);

    /** Without a complaint desk to ask: every late reply is sent. */
    static QueuedReceipts none() {
        return turn -> false;
    }
}
