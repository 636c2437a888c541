package id.kanal.channels.smpp;

import java.io.ByteArrayOutputStream;

/**
 * The GSM 03.38 default alphabet as code points (3GPP TS 23.038 section 6.2.1): septets to text
 * and back, with the extension table reached through the escape septet 0x1B, either one septet
 * per octet (what most SMSCs exchange over SMPP) or packed eight septets into seven octets.
 */
final class Gsm338 {
    static final int ESCAPE = 0x1B;
    /** Code order; the escape position holds a placeholder that never matches a character. */
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\uFFFFÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** The extension table: septet after the escape, and the character it stands for. */
    private static final int[] EXT_CODES = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};
    private static final String EXT_CHARS = "\f^{}\\[~]|€";

    private Gsm338() {
    }

    /** Septets to text; an escape before an unknown extension code reads as a space (23.038 says so). */
    static String decode(int[] septets) {
        StringBuilder out = new StringBuilder(septets.length);
        for (int i = 0; i < septets.length; i++) {
            int s = septets[i] & 0x7F;
            if (s == ESCAPE) {
                if (i + 1 >= septets.length) {
                    break; // a dangling escape at the end carries nothing
                }
                int e = septets[++i] & 0x7F;
                int at = indexOf(EXT_CODES, e);
                out.append(at >= 0 ? EXT_CHARS.charAt(at) : ' ');
            } else {
                out.append(BASIC.charAt(s));
            }
        }
        return out.toString();
    }

    /** Text to septets, or null when a character is outside the alphabet. */
    static int[] encode(String text) {
        int[] out = new int[text.length() * 2];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int basic = c == '\uFFFF' ? -1 : BASIC.indexOf(c);
            if (basic >= 0) {
                out[n++] = basic;
                continue;
            }
            int ext = EXT_CHARS.indexOf(c);
            if (ext < 0) {
                return null;
            }
            out[n++] = ESCAPE;
            out[n++] = EXT_CODES[ext];
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** One septet per octet. */
    static int[] unpacked(byte[] bytes, int from) {
        int[] out = new int[Math.max(0, bytes.length - from)];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes[from + i] & 0x7F;
        }
        return out;
    }

    /**
     * Packed septets starting {@code skipBits} into the octets (after a user data header, whose
     * fill bits align the text to a septet boundary).
     */
    static int[] packed(byte[] bytes, int skipBits) {
        int count = (bytes.length * 8 - skipBits) / 7;
        int[] out = new int[Math.max(0, count)];
        for (int i = 0; i < out.length; i++) {
            int bit = skipBits + i * 7;
            int lo = bytes[bit / 8] & 0xFF;
            int hi = bit / 8 + 1 < bytes.length ? bytes[bit / 8 + 1] & 0xFF : 0;
            out[i] = ((lo | hi << 8) >> (bit % 8)) & 0x7F;
        }
        // Seven spare zero bits at the end read as a trailing '@': 23.038 pads with them (or with CR).
        int spare = bytes.length * 8 - skipBits;
        if (spare % 7 == 0 && out.length > 0 && out[out.length - 1] == 0) {
            return java.util.Arrays.copyOf(out, out.length - 1);
        }
        return out;
    }

    /** Packs septets after {@code header} octets, with fill bits up to the next septet boundary. */
    static byte[] pack(byte[] header, int[] septets) {
        int headerBits = header.length * 8;
        int skip = (headerBits + 6) / 7 * 7;
        int totalBits = skip + septets.length * 7;
        byte[] out = new byte[(totalBits + 7) / 8];
        System.arraycopy(header, 0, out, 0, header.length);
        for (int i = 0; i < septets.length; i++) {
            int bit = skip + i * 7;
            int v = (septets[i] & 0x7F) << (bit % 8);
            out[bit / 8] |= (byte) v;
            if (bit / 8 + 1 < out.length) {
                out[bit / 8 + 1] |= (byte) (v >> 8);
            }
        }
        return out;
    }

    /** Septets one per octet after {@code header}. */
    static byte[] unpack(byte[] header, int[] septets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(header.length + septets.length);
        out.writeBytes(header);
        for (int s : septets) {
            out.write(s);
        }
        return out.toByteArray();
    }

    private static int indexOf(int[] codes, int code) {
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] == code) {
                return i;
            }
        }
        return -1;
    }
}
