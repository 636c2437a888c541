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

    /**
     * The refusals an agent or an agency desk meets, as the server words them (made by the real
     * code where it is at hand), each matched by a pattern of i18n.js's table, so the console shows
     * them in the account's language rather than in the API's English.
     */
    @Test
    void serverMessagesAgentsMeet_areTranslated() throws IOException {
        List<Pattern> patterns = new java.util.ArrayList<>();
        Matcher row = Pattern.compile("\\[/(\\^.*?)/, '(error\\.[a-zA-Z]+)'").matcher(Files.readString(PAGES.resolve("i18n.js")));
        while (row.find()) {
            patterns.add(Pattern.compile(row.group(1)));
        }
        assertTrue(patterns.size() > 20, "the table's patterns were not found: " + patterns.size());
        DeskDirectory directory = new DeskDirectory(List.of(new id.kanal.services.complaints.RegionDefinition(
                "kota-tangerang", "Kota Tangerang", "TNG", List.of(
                new id.kanal.services.complaints.RegionDefinition.Agency("pupr", "Dinas PUPR"),
                new id.kanal.services.complaints.RegionDefinition.Agency("dlh", "Dinas Lingkungan Hidup")), List.of(
                new id.kanal.services.complaints.RegionDefinition.CategoryDefinition("sampah", "Sampah", "Rubbish", "dlh",
                        List.of("sampah"), 3)))));
        DeskPolicy policy = new DeskPolicy(directory);
        Desk dlh = directory.desk(java.util.Optional.empty(), java.util.Optional.of("dlh"));
        List<String> said = List.of(
                policy.refusal(dlh, "TNG-000002", "pupr", "Dinas PUPR", "your account").orElseThrow(),
                policy.refusal(new Desk(java.util.Optional.of("kabupaten-tangerang"), java.util.Optional.empty()),
                        "TNG-000002", "pupr", "Dinas PUPR", "your account").orElseThrow(),
                policy.listRefusal(dlh, java.util.Optional.of("pupr"), "your account").orElseThrow(),
                "this conversation is region kabupaten-tangerang's; your account works in region kota-tangerang",
                "moving a complaint to another agency is a supervisor's action",
                "alerts of region kota-tangerang are sent by its own staff; your account works in region kabupaten-tangerang",
                "alert 7f3c9a2e-41d0-4b8e-9f7a-2c1d5e6b8a90 is region kota-tangerang's; your account works in region "
                        + "kabupaten-tangerang",
                "moving a complaint to another agency needs a reason",
                new id.kanal.services.complaints.TransitionRefusedException("TNG-000002", ComplaintStatus.REJECTED,
                        ComplaintStatus.REJECTED, "a REJECTED complaint is closed; reopen it before moving it to another "
                        + "agency").getMessage(),
                "TNG-000002 is already with pupr",
                "only the agent who owns the conversation can hand it back",
                "only the agent who owns the conversation can transfer it",
                "this needs the supervisor role",
                "no such complaint: TNG-000009",
                "no such conversation",
                "no such agent: rina",
                "it is already yours",
                "at most 1600 characters",
                "the note is longer than 500 characters",
                "you cannot delete your own account",
                "you cannot take the admin role from yourself");
        for (String message : said) {
            assertTrue(patterns.stream().anyMatch(p -> p.matcher(message).find()), "not translated: " + message);
        }
    }
}
