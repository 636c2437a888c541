package id.kanal.intents.cli;

import id.kanal.dialog.port.Intent;
import id.kanal.intents.Example;
import id.kanal.intents.IntentsConfig;
import id.kanal.intents.LiveVocabulary;
import id.kanal.intents.OpenNlpIntentClassifier;
import id.kanal.intents.TrainingData;
import id.kanal.intents.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code nlu-eval --dataset kanal}: the project's held-out file, every figure the issue names. */
class NluEvalCommandTest {
    private static final Pattern FIGURE = Pattern.compile("(\\w+)=([0-9.]+)");

    @Test
    void run_kanalHeldOut_printsEveryFigureAndMeetsTheTargets() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = NluEvalCommand.run(new String[] {"--dataset", "kanal", "--latency-calls", "500"},
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, out);
        Map<String, Double> figures = new HashMap<>();
        Matcher m = FIGURE.matcher(out);
        while (m.find()) {
            figures.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        for (String key : List.of("intent_accuracy", "in_scope_accuracy", "oos_recall", "macro_f1", "entities_right",
                "latency_p50", "latency_p99", "training_ms", "model_heap_mb", "threshold")) {
            assertTrue(figures.containsKey(key), key + " missing from:\n" + out);
        }
        assertTrue(figures.get("intent_accuracy") >= 95.0, out);
        assertTrue(figures.get("entities_right") >= 95.0, out);
        assertTrue(figures.get("model_heap_mb") <= 50.0, out);
        assertTrue(out.contains("dataset=kanal train=") && !out.contains("val_in_scope_accuracy"),
                "the held-out file has no validation split; nothing is tuned on it:\n" + out);
    }

    @Test
    void run_saveModel_writesAModelTheClassifierLoadsInsteadOfTraining(@TempDir Path dir) {
        Path file = dir.resolve("kanal-intents.bin");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = NluEvalCommand.run(new String[] {"--dataset", "kanal", "--latency-calls", "100", "--save-model", file.toString()},
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(0, code, bytes.toString(StandardCharsets.UTF_8));
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("model_saved=" + file), bytes.toString(StandardCharsets.UTF_8));
        OpenNlpIntentClassifier loaded = OpenNlpIntentClassifier.create(
                new IntentsConfig(Optional.empty(), Optional.of(file), IntentsConfig.defaults().threshold()),
                LiveVocabulary.fixed(Vocabulary.tangerang()), Optional.empty());
        OpenNlpIntentClassifier trained = OpenNlpIntentClassifier.create();
        for (Example e : TrainingData.builtInHeldOut()) {
            Intent a = trained.classify(e.text());
            Intent b = loaded.classify(e.text());
            assertEquals(a.name(), b.name(), e.text());
            assertEquals(a.confidence(), b.confidence(), 1e-9, e.text());
            assertEquals(a.entities(), b.entities(), e.text());
        }
    }
}
