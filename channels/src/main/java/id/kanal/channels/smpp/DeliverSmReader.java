package id.kanal.channels.smpp;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code deliver_sm} (SMPP 3.4 section 4.6.1): a delivery receipt when {@code esm_class}
 * says so (message type 0x04, or an intermediate notification 0x20), a USSD step when it
 * carries {@code ussd_service_op}, otherwise a resident's text from {@code short_message} or
 * {@code message_payload}, with its place in a concatenated message from the UDH (UDHI 0x40)
 * or the {@code sar_*} parameters. Anything unreadable throws {@link MalformedPduException}.
 */
final class DeliverSmReader {
    private static final int UDHI = 0x40;
    private static final int TYPE_MASK = 0x3C;
    private static final int TYPE_RECEIPT = 0x04;
    private static final int TYPE_INTERMEDIATE = 0x20;
    /** Appendix B of SMPP 3.4: {@code id:IIII sub:SSS dlvrd:DDD submit date:... done date:... stat:SSSSSSS err:E text:...}. */
    private static final Pattern RECEIPT_ID = Pattern.compile("(?i)\\bid:\\s*([^\\s]+)");
    private static final Pattern RECEIPT_STAT = Pattern.compile("(?i)\\bstat:\\s*([A-Z_]+)");
    private static final Pattern RECEIPT_ERR = Pattern.compile("(?i)\\berr:\\s*([^\\s]+)");

    private DeliverSmReader() {
    }

    static SmppInbound read(DeliverPdu pdu, boolean packed) {
        int type = pdu.esmClass() & TYPE_MASK;
        if (type == TYPE_RECEIPT || type == TYPE_INTERMEDIATE) {
            return receipt(pdu);
        }
        boolean udhi = (pdu.esmClass() & UDHI) != 0;
        byte[] body = pdu.tlv(DeliverPdu.TAG_MESSAGE_PAYLOAD).filter(p -> p.length > 0).orElse(pdu.shortMessage());
        Optional<Concat> concat = Optional.empty();
        int from = 0;
        if (udhi) {
            Udh udh = Udh.parse(body);
            concat = udh.concat();
            from = udh.length();
        } else if (pdu.tlv(DeliverPdu.TAG_SAR_MSG_REF_NUM).isPresent()) {
            concat = Optional.of(new Concat(pdu.tlvInt(DeliverPdu.TAG_SAR_MSG_REF_NUM).orElseThrow(),
                    pdu.tlvInt(DeliverPdu.TAG_SAR_TOTAL_SEGMENTS)
                            .orElseThrow(() -> new MalformedPduException("sar_msg_ref_num without sar_total_segments")),
                    pdu.tlvInt(DeliverPdu.TAG_SAR_SEGMENT_SEQNUM)
                            .orElseThrow(() -> new MalformedPduException("sar_msg_ref_num without sar_segment_seqnum"))));
        }
        String text = SmppText.decode(pdu.dataCoding(), body, from, packed);
        if (pdu.source().isBlank()) {
            throw new MalformedPduException("source_addr is empty");
        }
        Optional<Integer> op = pdu.tlvInt(DeliverPdu.TAG_USSD_SERVICE_OP);
        if (op.isPresent()) {
            return new SmppInbound.Ussd(pdu.source(), pdu.destination(), op.get(), text.strip(),
                    pdu.tlvInt(DeliverPdu.TAG_ITS_SESSION_INFO), pdu.tlvInt(DeliverPdu.TAG_USER_MESSAGE_REFERENCE));
        }
        return new SmppInbound.Part(pdu.source(), pdu.destination(), text, concat);
    }

    private static SmppInbound.Receipt receipt(DeliverPdu pdu) {
        String text = new String(pdu.shortMessage(), java.nio.charset.StandardCharsets.ISO_8859_1);
        Optional<String> id = pdu.tlvString(DeliverPdu.TAG_RECEIPTED_MESSAGE_ID).filter(s -> !s.isBlank())
                .or(() -> group(RECEIPT_ID, text));
        if (id.isEmpty()) {
            throw new MalformedPduException("delivery receipt without receipted_message_id or id:");
        }
        Optional<Integer> state = pdu.tlvInt(DeliverPdu.TAG_MESSAGE_STATE);
        String stat = state.map(DeliverSmReader::statOf).or(() -> group(RECEIPT_STAT, text).map(String::toUpperCase))
                .orElseThrow(() -> new MalformedPduException("delivery receipt without message_state or stat:"));
        Optional<String> err = group(RECEIPT_ERR, text).filter(e -> !e.matches("0+"))
                .or(() -> pdu.tlv(DeliverPdu.TAG_NETWORK_ERROR_CODE).map(DeliverSmReader::hex));
        SmppInbound.Receipt.Outcome outcome = switch (stat) {
            case "DELIVRD" -> SmppInbound.Receipt.Outcome.DELIVERED;
            case "ENROUTE", "ACCEPTD", "UNKNOWN" -> SmppInbound.Receipt.Outcome.PENDING;
            default -> SmppInbound.Receipt.Outcome.FAILED; // EXPIRED, DELETED, UNDELIV, REJECTD
        };
        return new SmppInbound.Receipt(id.get(), outcome, stat, err);
    }

    /** {@code message_state} values (SMPP 3.4 section 5.2.28) by the names receipts' text uses. */
    private static String statOf(int state) {
        return switch (state) {
            case 1 -> "ENROUTE";
            case 2 -> "DELIVRD";
            case 3 -> "EXPIRED";
            case 4 -> "DELETED";
            case 5 -> "UNDELIV";
            case 6 -> "ACCEPTD";
            case 8 -> "REJECTD";
            default -> "UNKNOWN";
        };
    }

    private static Optional<String> group(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String hex(byte[] v) {
        StringBuilder s = new StringBuilder();
        for (byte b : v) {
            s.append(String.format("%02x", b));
        }
        return s.toString();
    }
}
