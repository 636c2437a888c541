package id.kanal.channels.smpp;

import java.util.Optional;

/**
 * A user data header (3GPP TS 23.040 section 9.2.3.24) at the start of {@code short_message}
 * when {@code esm_class} has UDHI (0x40). Only concatenation is read; other elements (ports,
 * national language shifts) are skipped.
 *
 * @param length octets the header takes, its length octet included
 */
record Udh(int length, Optional<Concat> concat) {
    static final int IE_CONCAT_8 = 0x00;
    static final int IE_CONCAT_16 = 0x08;

    static Udh parse(byte[] message) {
        if (message.length < 1) {
            throw new MalformedPduException("UDH indicated but short_message is empty");
        }
        int udhl = message[0] & 0xFF;
        if (udhl + 1 > message.length) {
            throw new MalformedPduException("UDH length " + udhl + " exceeds short_message (" + message.length + " octets)");
        }
        Optional<Concat> concat = Optional.empty();
        int i = 1;
        while (i < udhl + 1) {
            if (i + 1 >= udhl + 1) {
                throw new MalformedPduException("UDH element truncated at octet " + i);
            }
            int iei = message[i] & 0xFF;
            int len = message[i + 1] & 0xFF;
            int data = i + 2;
            if (data + len > udhl + 1) {
                throw new MalformedPduException("UDH element 0x" + Integer.toHexString(iei) + " truncated");
            }
            if (iei == IE_CONCAT_8 && len == 3) {
                concat = Optional.of(new Concat(message[data] & 0xFF, message[data + 1] & 0xFF, message[data + 2] & 0xFF));
            } else if (iei == IE_CONCAT_16 && len == 4) {
                int ref = (message[data] & 0xFF) << 8 | message[data + 1] & 0xFF;
                concat = Optional.of(new Concat(ref, message[data + 2] & 0xFF, message[data + 3] & 0xFF));
            }
            i = data + len;
        }
        return new Udh(udhl + 1, concat);
    }

    /** The header for part {@code seq} of {@code total} with an 8-bit reference. */
    static byte[] concat8(int ref, int total, int seq) {
        return new byte[]{5, IE_CONCAT_8, 3, (byte) ref, (byte) total, (byte) seq};
    }
}
