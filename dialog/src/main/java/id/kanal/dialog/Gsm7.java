package id.kanal.dialog;

/**
 * The GSM 03.38 7-bit alphabet that every phone displays: what fits in one SMS segment and
 * on a USSD screen. A text with any other character travels as UCS-2, which cuts a segment
 * from 160 to 70 characters and may show as boxes on old phones.
 */
public final class Gsm7 {
    /** Longest text in two concatenated GSM-7 segments (2 x 153). */
    public static final int TWO_SEGMENTS = 306;
    /** Septets of a message that goes as one SMS. */
    public static final int ONE_SEGMENT = 160;

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** Characters sent as an escape plus one more septet: they count twice. */
    private static final String EXTENDED = "^{}\\[~]|€\f";
    /**
     * Septets per UTF-16 unit: 0 outside GSM-7, 1 basic, 2 extended. Every reply passes through
     * here; a table look-up per character instead of a scan of the alphabet per character.
     */
    private static final byte[] SEPTETS = new byte[Character.MAX_VALUE + 1];

    static {
        for (int i = 0; i < BASIC.length(); i++) {
            SEPTETS[BASIC.charAt(i)] = 1;
        }
        for (int i = 0; i < EXTENDED.length(); i++) {
            SEPTETS[EXTENDED.charAt(i)] = 2;
        }
    }

    private Gsm7() {
    }

    public static boolean isGsm7(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (SEPTETS[text.charAt(i)] == 0) {
                return false;
            }
        }
        return true;
    }

    /** Septets the text takes (extended characters count two). */
    public static int septets(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            n += septets(text.charAt(i));
        }
        return n;
    }

    /** Septets one character takes: 2 for an extended one, else 1. */
    public static int septets(char c) {
        return SEPTETS[c] == 2 ? 2 : 1;
    }

    /** SMS segments the text needs: GSM-7 160/153 per part, otherwise UCS-2 70/67 per part. */
    public static int segments(String text) {
        if (text.isEmpty()) {
            return 1;
        }
        if (isGsm7(text)) {
            int septets = septets(text);
            return septets <= 160 ? 1 : (septets + 152) / 153;
        }
        int units = text.length();
        return units <= 70 ? 1 : (units + 66) / 67;
    }

    /**
     * Rewrites text into GSM-7: typographic quotes and dashes become their plain forms,
     * accented letters lose accents, anything else (emoji, other scripts) is dropped.
     */
    public static String sanitize(String text) {
        if (isGsm7(text)) {
            return text; // GSM-7 characters are all precomposed: normalising changes nothing
        }
        StringBuilder out = new StringBuilder(text.length());
        String decomposed = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC);
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (SEPTETS[c] != 0) {
                out.append(c);
                continue;
            }
            String plain = switch (c) {
                case '\u2018', '\u2019', '\u201A', '\u2032', '`' -> "'";
                case '\u201C', '\u201D', '\u201E', '\u2033' -> "\"";
                case '\u2013', '\u2014', '\u2212' -> "-";
                case '\u2026' -> "...";
                case '\t', '\u00A0', '\u2007', '\u202F' -> " ";
                default -> stripAccent(c);
            };
            out.append(plain);
        }
        return out.toString();
    }

    private static String stripAccent(char c) {
        String base = java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFD);
        if (!base.isEmpty() && base.charAt(0) < 128 && BASIC.indexOf(base.charAt(0)) >= 0) {
            return String.valueOf(base.charAt(0));
        }
        return "";
    }

    /** Cuts text to at most {@code max} septets, ending in "..." when it was cut. */
    public static String clip(String text, int max) {
        if (septets(text) <= max) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int cost = septets(text.charAt(i));
            if (used + cost > max - 3) {
                break;
            }
            out.append(text.charAt(i));
            used += cost;
        }
        return out.toString().stripTrailing() + "...";
    }
}
