package id.kanal.dialog;

import java.util.Optional;

/** Indonesian phone numbers to E.164 ({@code 0812...}, {@code 62812...}, {@code +62 812-...} to {@code +62812...}). */
public final class PhoneNumbers {
    private PhoneNumbers() {
    }

    /** The E.164 form, or empty when the text is not a plausible phone number. */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip();
        if (s.startsWith("whatsapp:")) {
            s = s.substring("whatsapp:".length());
        }
        StringBuilder digits = new StringBuilder();
        boolean plus = s.startsWith("+");
        for (int i = plus ? 1 : 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
                return Optional.empty();
            }
        }
        String d = digits.toString();
        if (!plus) {
            if (d.startsWith("0")) {
                d = "62" + d.substring(1);
            } else if (!d.startsWith("62")) {
                return Optional.empty();
            }
        }
        // E.164 allows at most 15 digits; 8 is the shortest real subscriber number with a country code.
        if (d.length() < 8 || d.length() > 15 || d.startsWith("0")) {
            return Optional.empty();
        }
        return Optional.of("+" + d);
    }
}
