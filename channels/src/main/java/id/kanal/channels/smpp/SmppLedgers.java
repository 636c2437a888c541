package id.kanal.channels.smpp;

import java.util.Collection;
import java.util.Optional;

/** The rule both ledgers share: a message is delivered when every part is, failed when any part failed. */
public final class SmppLedgers {
    private SmppLedgers() {
    }

    public static SmppLedger.Delivery delivery(String providerId, Collection<SmppLedger.SegmentState> parts,
                                               Optional<String> error) {
        SmppLedger.SegmentState state = parts.contains(SmppLedger.SegmentState.FAILED) ? SmppLedger.SegmentState.FAILED
                : parts.stream().allMatch(p -> p == SmppLedger.SegmentState.DELIVERED) ? SmppLedger.SegmentState.DELIVERED
                : SmppLedger.SegmentState.SENT;
        return new SmppLedger.Delivery(providerId, state, state == SmppLedger.SegmentState.FAILED ? error : Optional.empty());
    }
}
