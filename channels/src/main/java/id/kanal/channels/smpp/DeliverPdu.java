package id.kanal.channels.smpp;

import org.jsmpp.bean.AbstractSmCommand;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code deliver_sm} (or, in the fake SMSC, a {@code submit_sm}) as Kanal reads it: the fields that matter and the optional parameters
 * by tag, raw. Never leaves the package; {@link DeliverSmReader} maps it to Kanal's records.
 */
record DeliverPdu(int sequence, String source, String destination, int esmClass, int dataCoding, byte[] shortMessage,
                  Map<Integer, byte[]> tlvs) {
    static final int TAG_SAR_MSG_REF_NUM = 0x020C;
    static final int TAG_SAR_TOTAL_SEGMENTS = 0x020E;
    static final int TAG_SAR_SEGMENT_SEQNUM = 0x020F;
    static final int TAG_USER_MESSAGE_REFERENCE = 0x0204;
    static final int TAG_RECEIPTED_MESSAGE_ID = 0x001E;
    static final int TAG_MESSAGE_STATE = 0x0427;
    static final int TAG_NETWORK_ERROR_CODE = 0x0423;
    static final int TAG_MESSAGE_PAYLOAD = 0x0424;
    static final int TAG_USSD_SERVICE_OP = 0x0501;
    static final int TAG_ITS_SESSION_INFO = 0x1383;

    DeliverPdu {
        source = source == null ? "" : source;
        destination = destination == null ? "" : destination;
        shortMessage = shortMessage == null ? new byte[0] : shortMessage;
        tlvs = Map.copyOf(tlvs);
    }

    static DeliverPdu of(DeliverSm pdu) {
        return of(pdu, pdu.getShortMessage());
    }

    /** Any short-message PDU (the fake SMSC reads Kanal's {@code submit_sm} with it). */
    static DeliverPdu of(AbstractSmCommand pdu, byte[] shortMessage) {
        Map<Integer, byte[]> tlvs = new HashMap<>();
        if (pdu.getOptionalParameters() != null) {
            for (OptionalParameter p : pdu.getOptionalParameters()) {
                byte[] wire = p.serialize(); // tag (2 octets), length (2), value
                tlvs.put((wire[0] & 0xFF) << 8 | wire[1] & 0xFF, java.util.Arrays.copyOfRange(wire, 4, wire.length));
            }
        }
        return new DeliverPdu(pdu.getSequenceNumber(), pdu.getSourceAddr(), pdu.getDestAddress(),
                pdu.getEsmClass() & 0xFF, pdu.getDataCoding() & 0xFF, shortMessage, tlvs);
    }

    Optional<byte[]> tlv(int tag) {
        return Optional.ofNullable(tlvs.get(tag));
    }

    /** An integer parameter (1, 2 or 4 octets, big-endian). */
    Optional<Integer> tlvInt(int tag) {
        return tlv(tag).filter(v -> v.length >= 1 && v.length <= 4).map(v -> {
            int n = 0;
            for (byte b : v) {
                n = n << 8 | b & 0xFF;
            }
            return n;
        });
    }

    /** A C-octet string parameter, without its terminating NUL. */
    Optional<String> tlvString(int tag) {
        return tlv(tag).map(v -> {
            int end = 0;
            while (end < v.length && v[end] != 0) {
                end++;
            }
            return new String(v, 0, end, java.nio.charset.StandardCharsets.ISO_8859_1);
        });
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeliverPdu d && sequence == d.sequence && esmClass == d.esmClass
                && dataCoding == d.dataCoding && source.equals(d.source) && destination.equals(d.destination)
                && java.util.Arrays.equals(shortMessage, d.shortMessage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sequence, source, destination, esmClass, dataCoding, java.util.Arrays.hashCode(shortMessage));
    }
}
