package id.kanal.app;

import id.kanal.app.packs.PackDefinition;
import id.kanal.app.packs.PackParser;
import id.kanal.app.packs.PackSource;
import id.kanal.dialog.Language;
import id.kanal.dialog.port.Intent;
import id.kanal.intents.Example;
import id.kanal.intents.OpenNlpIntentClassifier;
import id.kanal.intents.TrainingData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The region's content packs are classified like the built-in intents, with the same held-out
 * discipline: each pack's held-out sentences are never trained on (neither by the pack nor the
 * built-in file), the whole classifier runs on them as the dialog does, and adding the packs keeps
 * the built-in held-out file above its floor. Prints the figures and every miss for the record.
 */
class ContentPackHeldOutTest {
    private static final double PACK_FLOOR = 0.90;
    private static final double BUILT_IN_FLOOR = 0.95;

    private static List<PackDefinition> definitions() {
        List<PackSource> folders = RegionFiles.packFolders(Optional.empty());
        assertEquals(4, folders.size());
        return folders.stream().map(f -> PackParser.definition(f.read(PackSource.DEFINITION).orElseThrow())).toList();
    }

    private static List<Example> packTraining(List<PackDefinition> defs) {
        List<Example> out = new ArrayList<>();
        for (PackDefinition d : defs) {
            d.words().forEach(w -> out.add(Example.of(d.intent(), w)));
            d.training().values().forEach(l -> l.forEach(t -> out.add(Example.of(d.intent(), t))));
        }
        return out;
    }

    @Test
    void heldOutSentences_areNeverTrainingSentences() {
        List<PackDefinition> defs = definitions();
        Set<String> training = new HashSet<>();
        TrainingData.builtInTraining().forEach(e -> training.add(e.text().toLowerCase(Locale.ROOT)));
        packTraining(defs).forEach(e -> training.add(e.text().toLowerCase(Locale.ROOT)));
        for (PackDefinition d : defs) {
            assertTrue(d.heldOut().get(Language.ID).size() >= 5 && d.heldOut().get(Language.EN).size() >= 3, d.code());
            d.heldOut().values().forEach(l -> l.forEach(t ->
                    assertFalse(training.contains(t.toLowerCase(Locale.ROOT)), d.code() + " held-out text trained on: " + t)));
        }
        Set<String> packTexts = new HashSet<>();
        packTraining(defs).forEach(e -> packTexts.add(e.text().toLowerCase(Locale.ROOT)));
        TrainingData.builtInHeldOut().forEach(e ->
                assertFalse(packTexts.contains(e.text().toLowerCase(Locale.ROOT)), "built-in held-out text in a pack: " + e.text()));
    }

    @Test
    void packs_heldOutAtLeast90_builtInHeldOutStillAtLeast95() {
        List<PackDefinition> defs = definitions();
        List<Example> training = new ArrayList<>(TrainingData.builtInTraining());
        training.addAll(packTraining(defs));
        OpenNlpIntentClassifier classifier = OpenNlpIntentClassifier.builder().training(training).build();
        List<String> misses = new ArrayList<>();
        int packRight = 0;
        int packTotal = 0;
        for (PackDefinition d : defs) {
            for (List<String> sentences : d.heldOut().values()) {
                for (String text : sentences) {
                    packTotal++;
                    Intent got = classifier.classify(text);
                    if (got.name().equals(d.intent())) {
                        packRight++;
                    } else {
                        misses.add(text + " -> " + got.name() + " (expected " + d.intent() + ")");
                    }
                }
            }
        }
        int builtInRight = 0;
        List<Example> builtIn = TrainingData.builtInHeldOut();
        for (Example e : builtIn) {
            String got = classifier.classify(e.text()).name();
            if (got.equals(e.intent())) {
                builtInRight++;
            } else {
                misses.add(e.text() + " -> " + got + " (expected " + e.intent() + ")");
            }
        }
        System.out.printf("content packs held-out: %d/%d (%.1f%%); built-in held-out with packs: %d/%d (%.1f%%)%n",
                packRight, packTotal, 100.0 * packRight / packTotal, builtInRight, builtIn.size(),
                100.0 * builtInRight / builtIn.size());
        misses.forEach(m -> System.out.println("  miss: " + m));
        assertTrue(packRight >= PACK_FLOOR * packTotal, "packs " + packRight + "/" + packTotal + " " + misses);
        assertTrue(builtInRight >= BUILT_IN_FLOOR * builtIn.size(), "built-in " + builtInRight + "/" + builtIn.size() + " " + misses);
    }
}
