package id.kanal.channels.smpp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Message text in SMPP's codings ({@code data_coding}, SMPP 3.4 section 5.2.19): 0 the GSM
 * 03.38 default alphabet (also 0xF0-0xF3, the GSM message-class codings with that alphabet),
 * 1 IA5 (ASCII), 3 Latin-1, 8 UCS-2 (read as UTF-16, so emoji sent as surrogate pairs
 * survive). Outbound text goes as GSM-7 when every character fits, else UCS-2, cut into
 * segments with a concatenation header: 153 septets or 67 UTF-16 units per part.
 */
final class SmppText {
    static final int GSM = 0x00;
    static final int IA5 = 0x01;
    static final int LATIN1 = 0x03;
    static final int UCS2 = 0x08;

    private static final int GSM_SINGLE = 160;
    private static final int GSM_PART = 153;
    private static final int UCS2_SINGLE = 70;
    private static final int UCS2_PART = 67;

    private SmppText() {
    }

    /**
     * The text of {@code message} from octet {@code from} (after a UDH of that many octets).
     *
     * @param packed whether this connection's SMSC packs GSM septets (most send one per octet)
     */
    static String decode(int dataCoding, byte[] message, int from, boolean packed) {
        int dc = dataCoding & 0xFF;
        if (dc == GSM || (dc >= 0xF0 && dc <= 0xF3)) {
            int[] septets = packed ? Gsm338.packed(message, (from * 8 + 6) / 7 * 7) : Gsm338.unpacked(message, from);
            return Gsm338.decode(septets);
        }
        byte[] body = Arrays.copyOfRange(message, Math.min(from, message.length), message.length);
        return switch (dc) {
            case IA5 -> new String(body, StandardCharsets.US_ASCII);
            case LATIN1 -> new String(body, StandardCharsets.ISO_8859_1);
            case UCS2 -> {
                if (body.length % 2 != 0) {
                    throw new MalformedPduException("UCS-2 text has an odd number of octets (" + body.length + ")");
                }
                yield new String(body, StandardCharsets.UTF_16BE);
            }
            default -> throw new MalformedPduException("data_coding 0x" + Integer.toHexString(dc) + " not supported");
        };
    }

    /** One outbound message: its coding and each part's {@code short_message} (UDH included when several). */
    record Encoded(int dataCoding, List<byte[]> parts) {
        boolean concatenated() {
            return parts.size() > 1;
        }
    }

    /** Encodes {@code text}; {@code ref} is the concatenation reference used when it needs several parts. */
    static Encoded encode(String text, boolean packed, int ref) {
        int[] septets = Gsm338.encode(text);
        if (septets != null) {
            List<int[]> chunks = septets.length <= GSM_SINGLE ? List.of(septets) : gsmChunks(septets);
            return new Encoded(GSM, withHeaders(chunks.size(), ref, i -> packed
                    ? Gsm338.pack(header(chunks.size(), ref, i), chunks.get(i))
                    : Gsm338.unpack(header(chunks.size(), ref, i), chunks.get(i))));
        }
        List<String> chunks = text.length() <= UCS2_SINGLE ? List.of(text) : ucs2Chunks(text);
        return new Encoded(UCS2, withHeaders(chunks.size(), ref, i -> {
            byte[] h = header(chunks.size(), ref, i);
            byte[] body = chunks.get(i).getBytes(StandardCharsets.UTF_16BE);
            byte[] out = Arrays.copyOf(h, h.length + body.length);
            System.arraycopy(body, 0, out, h.length, body.length);
            return out;
        }));
    }

    /** One message, never split (a USSD screen: up to 182 characters in one PDU). */
    static Encoded single(String text, boolean packed) {
        int[] septets = Gsm338.encode(text);
        if (septets != null) {
            return new Encoded(GSM, List.of(packed ? Gsm338.pack(new byte[0], septets) : Gsm338.unpack(new byte[0], septets)));
        }
        return new Encoded(UCS2, List.of(text.getBytes(StandardCharsets.UTF_16BE)));
    }

    private static List<byte[]> withHeaders(int count, int ref, java.util.function.IntFunction<byte[]> part) {
        List<byte[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(part.apply(i));
        }
        return out;
    }

    private static byte[] header(int count, int ref, int index) {
        return count == 1 ? new byte[0] : Udh.concat8(ref, count, index + 1);
    }

    /** 153-septet chunks that never split an escape from the septet it modifies. */
    private static List<int[]> gsmChunks(int[] septets) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        while (start < septets.length) {
            int end = Math.min(start + GSM_PART, septets.length);
            if (end < septets.length && septets[end - 1] == Gsm338.ESCAPE) {
                end--;
            }
            out.add(Arrays.copyOfRange(septets, start, end));
            start = end;
        }
        return out;
    }

    /** 67-unit chunks that never split a surrogate pair (an emoji) across parts. */
    private static List<String> ucs2Chunks(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(start + UCS2_PART, text.length());
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            out.add(text.substring(start, end));
            start = end;
        }
        return out;
    }
}
