package id.kanal.dialog;

/** Masks personal identifiers before they reach a log. */
public final class Masking {
    private Masking() {
    }

    /** Keeps the first five and last three characters of a number or id, stars the rest. */
    public static String mask(String value) {
        if (value == null) {
            return "null";
        }
        if (value.length() <= 8) {
            return "*".repeat(value.length());
        }
        return value.substring(0, 5) + "*".repeat(value.length() - 8) + value.substring(value.length() - 3);
    }
}
