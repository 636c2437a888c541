package id.kanal.intents;

import id.kanal.dialog.port.Intent;
import id.kanal.dialog.port.Intents;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
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
    void create_unset_givesDefaults() {
        assertEquals(IntentsConfig.defaults(), IntentsConfig.create(intents(Map.of())));
        assertEquals(IntentsConfig.defaults(), IntentsConfig.create(intents(Map.of("threshold", " "))));
    }

    @Test
    void create_badThreshold_namesTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IntentsConfig.create(intents(Map.of("threshold", "high"))));
        assertTrue(e.getMessage().contains("kanal.intents.threshold"), e.getMessage());
    }

    /** A {@code kanal.intents} subtree with these keys. */
    private static io.helidon.common.config.Config intents(Map<String, String> keys) {
        Map<String, String> full = new java.util.HashMap<>();
        keys.forEach((k, v) -> full.put("kanal.intents." + k, v));
        return Config.just(ConfigSources.create(full)).get("kanal.intents");
    }

    @Test
    void create_savedModelAndLexicon_loadsBoth(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("intents.bin");
        try (OutputStream out = Files.newOutputStream(model)) {
            Classifiers.DEFAULT.model().save(out);
        }
        Path lexicon = dir.resolve("lexicon.csv");
        Files.writeString(lexicon, "slang,formal\nhrgny,harganya\n");
        IntentsConfig config = IntentsConfig.create(intents(Map.of("model-path", model.toString(),
                "lexicon-path", lexicon.toString(), "threshold", "0.3")));
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
