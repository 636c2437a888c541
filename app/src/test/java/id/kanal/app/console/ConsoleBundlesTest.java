package id.kanal.app.console;

import id.kanal.dialog.port.ComplaintStatus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every console string lives in the bundles, one per language with the same keys: this fails on a
 * key one bundle lacks, on a key the page uses that no bundle has, and on a text a bundle leaves empty.
 */
class ConsoleBundlesTest {
    private static final Path PAGES = Path.of("src", "main", "resources", "console");
    /**
     * t('key'), tn('key'), data-i18n="key", data-i18n-placeholder="key", data-i18n-title="key", and the
     * server errors' keys ('error.x' in i18n.js's table).
     */
    private static final Pattern USE = Pattern.compile(
            "\\btn?\\('([a-zA-Z0-9_.]+)'|data-i18n(?:-placeholder|-title)?=\"([^\"]+)\"|'(error\\.[a-zA-Z]+)'");
    /** Keys built at run time: a prefix and what may follow it. */
    private static final Map<String, List<String>> FAMILIES = Map.of(
            "status.", statuses(),
            "complaint.change.", statuses(),
            "role.", List.of("agent", "supervisor", "admin"),
            "queue.reason.", List.of("asked", "misunderstood"),
            "prices.format.", List.of("simple", "bapanas"),
            "search.mode.", List.of("bot", "queued", "agent"),
            "lang.", List.of("id", "en"));

    private static List<String> statuses() {
        return Stream.of(ComplaintStatus.values()).map(Enum::name).toList();
    }

    @Test
    void bundles_haveTheSameKeys_andNoEmptyText() {
        Map<String, String> id = ConsoleTexts.bundle("id");
        Map<String, String> en = ConsoleTexts.bundle("en");
        Set<String> onlyId = new TreeSet<>(id.keySet());
        onlyId.removeAll(en.keySet());
        Set<String> onlyEn = new TreeSet<>(en.keySet());
        onlyEn.removeAll(id.keySet());
        assertEquals(Set.of(), onlyId, "keys in id.json missing from en.json");
        assertEquals(Set.of(), onlyEn, "keys in en.json missing from id.json");
        for (var b : List.of(id, en)) {
            b.forEach((k, v) -> assertTrue(!v.isBlank(), "empty text for " + k));
        }
    }

    @Test
    void everyKeyThePageUses_isInEveryBundle() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(PAGES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".js") || p.toString().endsWith(".html")).toList()) {
                Matcher m = USE.matcher(Files.readString(f));
                while (m.find()) {
                    String key = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                    if (key.endsWith(".")) {
                        assertTrue(FAMILIES.containsKey(key), f.getFileName() + " builds keys from " + key
                                + ": list what may follow it in FAMILIES");
                        FAMILIES.get(key).forEach(v -> used.add(key + v));
                    } else if (m.group().startsWith("tn(")) {
                        used.add(key + ".one");
                        used.add(key + ".other");
                    } else {
                        used.add(key);
                    }
                }
            }
        }
        // The server's own texts: the CSV export's header.
        used.addAll(List.of("col.ticket", "col.status", "col.category", "col.agency", "col.location", "col.description",
                "col.channel", "col.resident", "col.filed", "col.due", "complaint.overdue"));
        assertTrue(used.size() > 150, "the scan found only " + used.size() + " keys: is the pattern still right?");
        for (String language : List.of("id", "en")) {
            Set<String> missing = new TreeSet<>(used);
            missing.removeAll(ConsoleTexts.bundle(language).keySet());
            assertEquals(Set.of(), missing, "keys missing from " + language + ".json");
        }
    }
}
