package id.kanal.app.console;

import com.fasterxml.jackson.core.type.TypeReference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The console's own bundles ({@code console/i18n/<lang>.json}, the files the page loads), for the
 * few texts the server writes itself: a CSV export's header and status words.
 */
final class ConsoleTexts {
    private final Map<String, Map<String, String>> byLanguage;

    private ConsoleTexts(Map<String, Map<String, String>> byLanguage) {
        this.byLanguage = byLanguage;
    }

    static ConsoleTexts load() {
        return new ConsoleTexts(Map.of("id", bundle("id"), "en", bundle("en")));
    }

    static Map<String, String> bundle(String language) {
        String resource = "/console/i18n/" + language + ".json";
        try (InputStream in = ConsoleTexts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing console bundle " + resource);
            }
            return Map.copyOf(ConsoleHttp.JSON.readValue(in, new TypeReference<Map<String, String>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text in that language ("id" unless "en"); a missing key is a bug the bundle test catches. */
    String get(String language, String key) {
        String text = byLanguage.get("en".equals(language) ? "en" : "id").get(key);
        if (text == null) {
            throw new IllegalStateException("no console text " + key);
        }
        return text;
    }
}
