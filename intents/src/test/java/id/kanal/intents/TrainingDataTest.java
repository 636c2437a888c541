package id.kanal.intents;

import id.kanal.dialog.port.Intents;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The training file's promise: per intent at least 60 Indonesian and 20 English examples, each
 * under a {@code # lang=id} or {@code # lang=en} marker line, and nothing from the held-out file.
 */
class TrainingDataTest {
    private static final int MIN_INDONESIAN = 60;
    private static final int MIN_ENGLISH = 20;

    private record Row(String intent, String lang, String text) {
    }

    private static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = TrainingData.class.getResourceAsStream(TrainingData.TRAIN)) {
            assertNotNull(in, TrainingData.TRAIN);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String lang = null;
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.startsWith("# lang=")) {
                    lang = line.substring("# lang=".length()).strip();
                    assertTrue(Set.of("id", "en").contains(lang), "line " + number + ": unknown language " + lang);
                } else if (!line.isBlank() && !line.startsWith("#")) {
                    assertNotNull(lang, "line " + number + " comes before any '# lang=' marker: " + line);
                    String[] cols = line.split("\t");
                    rows.add(new Row(cols[0], lang, cols[1]));
                }
            }
        }
        return rows;
    }

    @Test
    void trainingFile_everyIntent_hasSixtyIndonesianAndTwentyEnglishExamples() throws IOException {
        Map<String, int[]> counts = new TreeMap<>();
        for (Row r : rows()) {
            counts.computeIfAbsent(r.intent(), k -> new int[2])[r.lang().equals("id") ? 0 : 1]++;
        }
        assertEquals(new java.util.TreeSet<>(Intents.ALL), counts.keySet());
        StringBuilder table = new StringBuilder();
        counts.forEach((intent, c) -> table.append(intent).append(" id=").append(c[0]).append(" en=").append(c[1]).append('\n'));
        counts.forEach((intent, c) -> {
            assertTrue(c[0] >= MIN_INDONESIAN, intent + " has too few Indonesian examples:\n" + table);
            assertTrue(c[1] >= MIN_ENGLISH, intent + " has too few English examples:\n" + table);
        });
    }

    @Test
    void trainingFile_markersAgreeWithWhatTrainingReads() throws IOException {
        List<Row> rows = rows();
        List<Example> read = TrainingData.builtInTraining();
        assertEquals(read.size(), rows.size());
        for (int k = 0; k < rows.size(); k++) {
            assertEquals(rows.get(k).intent(), read.get(k).intent());
            assertEquals(rows.get(k).text(), read.get(k).text());
        }
    }

    @Test
    void trainingFile_sharesNoTextWithTheHeldOutFile() throws IOException {
        Set<String> training = new HashSet<>();
        for (Row r : rows()) {
            assertTrue(training.add(r.text().toLowerCase(java.util.Locale.ROOT)), "duplicate training text: " + r.text());
        }
        for (Example e : TrainingData.builtInHeldOut()) {
            assertTrue(!training.contains(e.text().toLowerCase(java.util.Locale.ROOT)), "held-out text in training: " + e.text());
        }
        for (ComplaintHeldOutTest.Expected e : ComplaintHeldOutTest.load()) {
            assertTrue(!training.contains(e.text().toLowerCase(java.util.Locale.ROOT)), "complaint held-out text in training: " + e.text());
        }
    }
}
