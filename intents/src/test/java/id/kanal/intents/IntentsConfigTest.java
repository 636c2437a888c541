package id.kanal.intents;

import id.kanal.dialog.port.Intent;
import id.kanal.dialog.port.Intents;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntentsConfigTest {
    @Test
    void fromEnvironment_unset_givesDefaults() {
        assertEquals(IntentsConfig.defaults(), IntentsConfig.fromEnvironment(Map.of()));
    }

    @Test
    void fromEnvironment_badThreshold_namesTheVariable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IntentsConfig.fromEnvironment(Map.of(IntentsConfig.THRESHOLD_ENV, "high")));
        assertTrue(e.getMessage().contains(IntentsConfig.THRESHOLD_ENV), e.getMessage());
    }

    @Test
    void create_savedModelAndLexicon_loadsBoth(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("intents.bin");
        try (OutputStream out = Files.newOutputStream(model)) {
            Classifiers.DEFAULT.model().save(out);
        }
        Path lexicon = dir.resolve("lexicon.csv");
        Files.writeString(lexicon, "slang,formal\nhrgny,harganya\n");
        IntentsConfig config = IntentsConfig.fromEnvironment(Map.of(IntentsConfig.MODEL_ENV, model.toString(),
                IntentsConfig.LEXICON_ENV, lexicon.toString(), IntentsConfig.THRESHOLD_ENV, "0.3"));
        OpenNlpIntentClassifier c = OpenNlpIntentClassifier.create(config,
                LiveVocabulary.fixed(Vocabulary.tangerang()), Optional.empty());
        Intent intent = c.classify("hrgny beras brp");
        assertEquals(Intents.PRICE_QUERY, intent.name());
        assertEquals("harganya beras berapa", c.normaliser().normalise("hrgny beras brp"));
    }

    @Test
    void create_missingModelFile_failsNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("nope.bin");
        IntentsConfig config = new IntentsConfig(Optional.empty(), Optional.of(missing), 0.3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OpenNlpIntentClassifier.create(
                config, LiveVocabulary.fixed(Vocabulary.tangerang()), Optional.empty()));
        assertTrue(e.getMessage().contains("nope.bin"), e.getMessage());
    }
}
