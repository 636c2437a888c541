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
    /** Each text cut at its placeholders once, so that filling one in needs no regex on every turn. */
    private final Map<Language, Map<String, Template>> templates = new EnumMap<>(Language.class);

    private Texts(Map<Language, Properties> byLanguage) {
        this.byLanguage = byLanguage;
        byLanguage.forEach((language, properties) -> {
            Map<String, Template> parsed = new java.util.HashMap<>();
            for (String key : properties.stringPropertyNames()) {
                parsed.put(key, Template.parse(properties.getProperty(key)));
            }
            templates.put(language, Map.copyOf(parsed));
        });
    }

    /** The built-in wording. */
    public static Texts builtIn() {
        Map<Language, Properties> map = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            map.put(language, load("texts_" + language.code() + ".properties"));
        }
        return new Texts(map);
    }

    /**
     * These texts with some reworded for one region ({@code wording:} in its file). A key must be
     * one of the built-in texts, and its new text may use only the placeholders the original has
     * (the flows fill those and no others); anything else is refused with the key named.
     */
    public Texts reworded(Map<Language, Map<String, String>> wording) {
        if (wording.isEmpty()) {
            return this;
        }
        Map<Language, Properties> map = new EnumMap<>(Language.class);
        byLanguage.forEach((language, properties) -> {
            Properties copy = new Properties();
            copy.putAll(properties);
            wording.getOrDefault(language, Map.of()).forEach((key, text) -> {
                if (!properties.containsKey(key)) {
                    throw new IllegalArgumentException("wording." + language.code() + "." + key + ": no such text");
                }
                Set<String> allowed = placeholders(language, key);
                Matcher m = PLACEHOLDER.matcher(text);
                while (m.find()) {
                    if (!allowed.contains(m.group(1))) {
                        throw new IllegalArgumentException("wording." + language.code() + "." + key + ": {" + m.group(1)
                                + "} is not one of this text's placeholders " + allowed);
                    }
                }
                copy.setProperty(key, text);
            });
            map.put(language, copy);
        });
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
        Template template = templates.get(language).get(key);
        if (template == null) {
            throw new IllegalArgumentException("no text '" + key + "' in " + language);
        }
        return template.fill(key, values);
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

    /**
     * A text as literal pieces and placeholder names, alternating: {@code parts[0]} literal,
     * {@code parts[1]} a name, {@code parts[2]} literal, and so on.
     */
    private record Template(String[] parts) {
        static Template parse(String text) {
            java.util.List<String> parts = new java.util.ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(text);
            int at = 0;
            while (m.find()) {
                parts.add(text.substring(at, m.start()));
                parts.add(m.group(1));
                at = m.end();
            }
            parts.add(text.substring(at));
            return new Template(parts.toArray(new String[0]));
        }

        String fill(String key, Map<String, String> values) {
            if (parts.length == 1) {
                return parts[0];
            }
            StringBuilder out = new StringBuilder(parts[0]);
            for (int i = 1; i < parts.length; i += 2) {
                String value = values.get(parts[i]);
                if (value == null) {
                    throw new IllegalArgumentException("text '" + key + "' needs a value for {" + parts[i] + "}");
                }
                out.append(value).append(parts[i + 1]);
            }
            return out.toString();
        }
    }
}
