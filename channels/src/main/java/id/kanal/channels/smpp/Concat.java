package id.kanal.channels.smpp;

/**
 * Where one part sits in a concatenated message: from a UDH (IE 0x00 with an 8-bit reference,
 * IE 0x08 with a 16-bit one) or from the {@code sar_*} parameters.
 *
 * @param ref   the reference shared by every part of one message
 * @param total how many parts the message has
 * @param seq   this part's number, 1-based
 */
record Concat(int ref, int total, int seq) {
    Concat {
        if (total < 1 || seq < 1 || seq > total) {
            throw new MalformedPduException("concatenation part " + seq + " of " + total);
        }
    }
}
