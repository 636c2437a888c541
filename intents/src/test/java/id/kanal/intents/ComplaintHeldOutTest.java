package id.kanal.intents;

import id.kanal.dialog.port.Intent;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14's held-out check: one-message complaints (Indonesian, SMS-speak, English) with their
 * category and location, written for this check and never trained on. The whole classifier runs
 * (normalisation, model, entities), as the dialog receives it. Fails below 90% category and 80%
 * location accuracy; prints both, and every miss, for the record.
 */
class ComplaintHeldOutTest {
    static final String RESOURCE = "/id/kanal/intents/complaints-heldout.tsv";
    private static final TextNormaliser NORMALISER = TextNormaliser.builtIn();
    /** Words a location may start with or not ("dekat halte cibodas" is "halte cibodas" too). */
    private static final Set<String> LEADING = Set.of("di", "dekat", "near", "at", "in", "on");

    record Expected(String text, String category, String location) {
    }

    static List<Expected> load() throws IOException {
        List<Expected> out = new ArrayList<>();
        try (InputStream in = ComplaintHeldOutTest.class.getResourceAsStream(RESOURCE)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                out.add(new Expected(f[0], f[1], f.length > 2 ? f[2] : ""));
            }
        }
        return out;
    }

    @Test
    void oneMessageComplaints_categoryAtLeast90_locationAtLeast80() throws IOException {
        List<Expected> set = load();
        assertTrue(set.size() >= 60, "held-out complaints: " + set.size());
        OpenNlpIntentClassifier classifier = OpenNlpIntentClassifier.create();
        int categories = 0;
        int locations = 0;
        List<String> misses = new ArrayList<>();
        for (Expected e : set) {
            Intent intent = classifier.classify(e.text());
            String category = intent.entity("category").orElse("");
            String location = intent.entity("location").orElse("");
            if (category.equals(e.category())) {
                categories++;
            } else {
                misses.add("category " + e.text() + " -> " + category + " (expected " + e.category() + ")");
            }
            if (sameLocation(location, e.location())) {
                locations++;
            } else {
                misses.add("location " + e.text() + " -> '" + location + "' (expected '" + e.location() + "')");
            }
        }
        double categoryAccuracy = 100.0 * categories / set.size();
        double locationAccuracy = 100.0 * locations / set.size();
        System.out.printf("complaints held-out: %d messages, category %.1f%% (%d), location %.1f%% (%d)%n",
                set.size(), categoryAccuracy, categories, locationAccuracy, locations);
        misses.forEach(m -> System.out.println("  miss: " + m));
        assertTrue(categoryAccuracy >= 90, "category accuracy " + categoryAccuracy + "%: " + misses);
        assertTrue(locationAccuracy >= 80, "location accuracy " + locationAccuracy + "%: " + misses);
    }

    /** The same words, leaving out a leading "di"/"dekat"/"near"; none expected means none found. */
    static boolean sameLocation(String found, String expected) {
        return words(found).equals(words(expected));
    }

    private static String words(String place) {
        List<String> tokens = new ArrayList<>(NORMALISER.tokens(place));
        while (!tokens.isEmpty() && LEADING.contains(tokens.get(0))) {
            tokens.remove(0);
        }
        return String.join(" ", tokens);
    }
}
