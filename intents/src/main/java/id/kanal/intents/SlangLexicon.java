package id.kanal.intents;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A slang-to-formal word list in the colloquial-Indonesian-lexicon CSV format
 * ({@code slang,formal,...}; a header line and extra columns are ignored). Keys are single
 * lower-case tokens; values may be several words ("migor" to "minyak goreng"). Immutable.
 */
public final class SlangLexicon {
    private static final String BUILT_IN = "/id/kanal/intents/slang-id.csv";

    private final Map<String, String> entries;

    private SlangLexicon(Map<String, String> entries) {
        this.entries = Map.copyOf(entries);
    }

    /** The project's own list of SMS abbreviations, shipped as a resource. */
    public static SlangLexicon builtIn() {
        try (InputStream in = SlangLexicon.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BUILT_IN);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An external lexicon file, e.g. {@code colloquial-indonesian-lexicon.csv}. */
    public static SlangLexicon load(Path path) throws IOException {
        Objects.requireNonNull(path, "path");
        try (InputStream in = Files.newInputStream(path)) {
            return read(in);
        }
    }

    public static SlangLexicon empty() {
        return new SlangLexicon(Map.of());
    }

    static SlangLexicon read(InputStream in) throws IOException {
        Map<String, String> map = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] two = firstTwoFields(line);
                if (two == null) {
                    continue;
                }
                String slang = two[0].strip().toLowerCase(Locale.ROOT);
                String formal = two[1].strip().toLowerCase(Locale.ROOT);
                // Only one-token keys: the normaliser looks words up one at a time. The first
                // row wins, as the lexicon lists the common reading first.
                if (slang.isEmpty() || formal.isEmpty() || slang.equals("slang") || slang.contains(" ")
                        || slang.equals(formal)) {
                    continue;
                }
                map.putIfAbsent(slang, formal);
            }
        }
        return new SlangLexicon(map);
    }

    /** The first two CSV fields, honouring double quotes; null when the line has fewer. */
    private static String[] firstTwoFields(String line) {
        String[] out = new String[2];
        int field = 0;
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length() && field < 2; i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out[field++] = current.toString();
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (field == 1) {
            out[1] = current.toString();
            field = 2;
        }
        return field == 2 ? out : null;
    }

    public Optional<String> lookup(String token) {
        return Optional.ofNullable(entries.get(token));
    }

    public int size() {
        return entries.size();
    }

    /** This list, with {@code other} filling the words this one does not know. */
    public SlangLexicon withFallback(SlangLexicon other) {
        Map<String, String> merged = new HashMap<>(other.entries);
        merged.putAll(entries);
        return new SlangLexicon(merged);
    }
}
