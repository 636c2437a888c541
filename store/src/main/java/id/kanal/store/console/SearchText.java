package id.kanal.store.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What an agent typed into a search box, read three ways at once: a ticket code (any part of it),
 * the last digits of a phone number (three or more digits, spaces, dashes or a leading {@code +}
 * or {@code 0} allowed), and words that must all appear in a description or a message. Each
 * {@code like...} value is a ready {@code LIKE ? ESCAPE '\'} pattern, lower-cased for matching
 * against {@code LOWER(column)} on SQLite and PostgreSQL alike.
 */
public record SearchText(String text) {
    /** Fewer digits than this would match most numbers: read as words only. */
    public static final int MIN_DIGITS = 3;
    /** More words than this add cost, not precision. */
    private static final int MAX_WORDS = 6;
    public static final int MAX_LENGTH = 100;

    public SearchText {
        Objects.requireNonNull(text, "text");
        text = text.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("search text is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("search text is longer than " + MAX_LENGTH + " characters");
        }
    }

    /** {@code %text%}, for ticket codes (compared with {@code LOWER(ticket)}). */
    public String likeTicket() {
        return "%" + escape(text.toLowerCase(Locale.ROOT)) + "%";
    }

    /**
     * {@code %digits}, when the text is a phone number or its end: "5432", "0812-9876 5432",
     * "+62812...". A leading 0 (the domestic form) is dropped, so that "0812..." finds "+62812...".
     */
    public Optional<String> likePhoneEnd() {
        if (!text.matches("\\+?[0-9][0-9 .-]*")) {
            return Optional.empty();
        }
        String digits = text.replaceAll("[^0-9]", "");
        if (digits.startsWith("0")) {
            digits = digits.substring(1);
        }
        return digits.length() < MIN_DIGITS ? Optional.empty() : Optional.of("%" + digits);
    }

    /** {@code %word%} for each word (at most six), lower-cased; every one must match. */
    public List<String> likeWords() {
        List<String> out = new ArrayList<>();
        Arrays.stream(text.toLowerCase(Locale.ROOT).split("\\s+")).filter(w -> !w.isBlank()).distinct()
                .limit(MAX_WORDS).forEach(w -> out.add("%" + escape(w) + "%"));
        return out;
    }

    /** SQL for "every word appears in this lower-cased expression", with {@link #likeWords()} as its arguments. */
    public String allWordsIn(String lowerExpression) {
        return String.join(" AND ", likeWords().stream().map(w -> lowerExpression + " LIKE ? ESCAPE '\\'").toList());
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
