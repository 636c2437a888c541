package id.kanal.dialog;

import java.util.regex.Pattern;

/** Masks personal identifiers before they reach a log. */
public final class Masking {
    /** A phone number as providers quote it: an optional plus, then 8 to 15 digits (E.164 allows 15). */
    private static final Pattern PHONE = Pattern.compile("\\+?(?<!\\d)\\d{8,15}(?!\\d)");

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

    /** The text with every phone number in it masked, e.g. a provider's error message. */
    public static String maskNumbersIn(String text) {
        return PHONE.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(mask(m.group())));
    }
}
