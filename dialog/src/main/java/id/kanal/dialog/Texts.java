package id.kanal.dialog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every text Kanal says, per language, from {@code texts_<lang>.properties} (UTF-8). A region
 * can reword them without code. Placeholders are written {@code {name}}.
 */
public final class Texts {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    private final Map<Language, Properties> byLanguage;

    private Texts(Map<Language, Properties> byLanguage) {
        this.byLanguage = byLanguage;
    }

    /** The built-in wording. */
    public static Texts builtIn() {
        Map<Language, Properties> map = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            map.put(language, load("texts_" + language.code() + ".properties"));
        }
        return new Texts(map);
    }

    private static Properties load(String resource) {
        try (InputStream in = Texts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text for a key with its placeholders filled; a missing value is an error, not a blank. */
    public String get(Language language, String key, Map<String, String> values) {
        String template = byLanguage.get(language).getProperty(key);
        if (template == null) {
            throw new IllegalArgumentException("no text '" + key + "' in " + language);
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("text '" + key + "' needs a value for {" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    public String get(Language language, String key) {
        return get(language, key, Map.of());
    }

    /** Every key, for checks over all texts. */
    public Set<String> keys(Language language) {
        return new TreeSet<>(byLanguage.get(language).stringPropertyNames());
    }

    /** The placeholder names a text uses. */
    public Set<String> placeholders(Language language, String key) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(byLanguage.get(language).getProperty(key, ""));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
