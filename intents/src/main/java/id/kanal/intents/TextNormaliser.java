package id.kanal.intents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns SMS-speak into plain lower-case words: "Tolonggg gorong2 dpn rmh sy mampet!!" becomes
 * "tolong gorong-gorong depan rumah saya mampet". Steps, in order: lower case, punctuation to
 * spaces, reduplication written with 2 ("gorong2"), letters repeated three times or more
 * ("tolonggg"), then the slang list (project list first, optional external lexicon after).
 * Immutable and thread-safe.
 */
public final class TextNormaliser {
    /** SMS is two segments at most; anything longer is not a command and costs time. */
    static final int MAX_CHARS = 1_000;

    private static final Pattern REDUPLICATION = Pattern.compile("^(\\p{L}{2,})2$");
    private static final Pattern REPEATS = Pattern.compile("(\\p{L})\\1{2,}");
    // Keep letters, digits and the dash of "gorong-gorong"; everything else separates words.
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{Nd}-]+");

    /** English words the external lexicon must not touch (it maps "to" to "tapi"). */
    private static final Set<String> ENGLISH = loadWords("/id/kanal/intents/english-words.txt");

    private final SlangLexicon project;
    private final SlangLexicon external;

    private TextNormaliser(SlangLexicon project, SlangLexicon external) {
        this.project = project;
        this.external = external;
    }

    /** The project's slang list only. */
    public static TextNormaliser builtIn() {
        return new TextNormaliser(SlangLexicon.builtIn(), SlangLexicon.empty());
    }

    /** The project's slang list, then {@code lexicon} for words the project list does not know. */
    public static TextNormaliser withLexicon(SlangLexicon lexicon) {
        Objects.requireNonNull(lexicon, "lexicon");
        return new TextNormaliser(SlangLexicon.builtIn(), lexicon);
    }

    /** No slang at all: case, punctuation and repeats only. */
    public static TextNormaliser plain() {
        return new TextNormaliser(SlangLexicon.empty(), SlangLexicon.empty());
    }

    /** The normalised text, words separated by one space; empty for null or blank input. */
    public String normalise(String text) {
        return String.join(" ", tokens(text));
    }

    /** The normalised words. */
    public List<String> tokens(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String cut = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        String lower = cut.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (String raw : SEPARATORS.split(lower)) {
            String token = stripDashes(raw);
            if (token.isEmpty()) {
                continue;
            }
            // Only a word ending in 2 can be "gorong2": the matcher is made for those alone.
            Matcher redup = token.charAt(token.length() - 1) == '2' ? REDUPLICATION.matcher(token) : null;
            if (redup != null && redup.matches()) {
                String base = word(redup.group(1));
                out.add(base + "-" + base);
                continue;
            }
            if (token.indexOf('-') > 0 && !isReduplication(token)) {
                // "tng-004512" stays whole; "masing-masing" too; "kalo-kalo"... rare: split others
                // only when both parts are letters ("pasar-anyar" typed with a dash).
                String[] parts = token.split("-");
                if (allLetters(parts)) {
                    for (String p : parts) {
                        if (!p.isEmpty()) {
                            addWords(out, word(p));
                        }
                    }
                    continue;
                }
            }
            addWords(out, word(token));
        }
        return out;
    }

    private static void addWords(List<String> out, String words) {
        if (words.indexOf(' ') < 0) {
            out.add(words);
        } else {
            for (String w : words.split(" ")) {
                if (!w.isEmpty()) {
                    out.add(w);
                }
            }
        }
    }

    /** One word through repeats and slang. */
    private String word(String token) {
        Optional<String> direct = lookup(token);
        if (direct.isPresent()) {
            return direct.get();
        }
        if (!mayRepeat(token)) {
            return token; // most words: no letter three times in a row, no regex run
        }
        String collapsed = REPEATS.matcher(token).replaceAll("$1");
        if (!collapsed.equals(token)) {
            Optional<String> hit = lookup(collapsed);
            if (hit.isPresent()) {
                return hit.get();
            }
            // "tolonggg" collapses to "tolong"; "haloooo" to "halo".
            return collapsed;
        }
        return token;
    }

    private Optional<String> lookup(String token) {
        Optional<String> hit = project.lookup(token);
        return hit.isPresent() || ENGLISH.contains(token) ? hit : external.lookup(token);
    }

    private static Set<String> loadWords(String resource) {
        try (InputStream in = TextNormaliser.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            Set<String> out = new HashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#")) {
                    out.addAll(List.of(line.strip().split("\\s+")));
                }
            }
            out.remove("");
            return Set.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether {@link #REPEATS} can match: a letter three times in a row, or a surrogate pair (whose
     * letter the char-wise check cannot see; such words take the regex).
     */
    private static boolean mayRepeat(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isSurrogate(c)) {
                return true;
            }
            if (i + 2 < token.length() && c == token.charAt(i + 1) && c == token.charAt(i + 2) && Character.isLetter(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isReduplication(String token) {
        int dash = token.indexOf('-');
        return token.substring(0, dash).equals(token.substring(dash + 1));
    }

    private static boolean allLetters(String[] parts) {
        for (String p : parts) {
            for (int i = 0; i < p.length(); i++) {
                if (!Character.isLetter(p.charAt(i))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String stripDashes(String token) {
        int start = 0;
        int end = token.length();
        while (start < end && token.charAt(start) == '-') {
            start++;
        }
        while (end > start && token.charAt(end - 1) == '-') {
            end--;
        }
        return token.substring(start, end);
    }
}
