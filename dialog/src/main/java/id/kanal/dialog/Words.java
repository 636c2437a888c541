package id.kanal.dialog;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small text helpers for reading residents' replies: keywords, numbers, yes/no, ticket codes. */
public final class Words {
    private static final Pattern TICKET = Pattern.compile("\\b([A-Za-z]{2,5})[- ]?(\\d{6})\\b");
    private static final Set<String> YES = Set.of("ya", "y", "iya", "iy", "yes", "ok", "oke", "okey", "setuju", "benar",
            "betul", "kirim", "send", "yup", "yoi", "sip", "1");
    private static final Set<String> NO = Set.of("tidak", "tdk", "gak", "ga", "nggak", "enggak", "no", "nope", "jangan",
            "2");

    private Words() {
    }

    /** Lower case, punctuation (but '-') turned to spaces, spaces collapsed. */
    public static String simplify(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        boolean space = true;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            boolean keep = Character.isLetterOrDigit(c) || c == '-';
            if (keep) {
                out.append(c);
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        return out.toString().strip();
    }

    /** The number the resident sent, when the whole message is one ("3", " 3. "). */
    public static Optional<Integer> number(String text) {
        return numberIn(simplify(text));
    }

    /** {@link #number} of a text already {@link #simplify simplified}. */
    static Optional<Integer> numberIn(String s) {
        if (s.isEmpty() || s.length() > 3) {
            return Optional.empty();
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(Integer.parseInt(s));
    }

    public static boolean isYes(String text) {
        return YES.contains(simplify(text));
    }

    public static boolean isNo(String text) {
        return NO.contains(simplify(text));
    }

    /** {@link #isYes} or {@link #isNo} of a text already {@link #simplify simplified}. */
    static boolean isYesOrNoIn(String simple) {
        return YES.contains(simple) || NO.contains(simple);
    }

    /** The first ticket code in the text, upper-cased with its dash ("tng004512" to "TNG-004512"). */
    public static Optional<String> ticket(String text) {
        if (!hasSixDigitsInARow(text)) {
            return Optional.empty(); // most messages: no need to run the pattern over them (the menu asks of each)
        }
        Matcher m = TICKET.matcher(text);
        return m.find() ? Optional.of(m.group(1).toUpperCase(Locale.ROOT) + "-" + m.group(2)) : Optional.empty();
    }

    private static boolean hasSixDigitsInARow(String text) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            run = ch >= '0' && ch <= '9' ? run + 1 : 0;
            if (run == 6) {
                return true;
            }
        }
        return false;
    }

    /** Whether any word of the simplified text is one of the given words. */
    public static boolean hasAnyWord(String simplified, Set<String> words) {
        for (String w : simplified.split(" ")) {
            if (words.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
