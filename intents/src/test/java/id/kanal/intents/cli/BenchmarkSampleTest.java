package id.kanal.intents.cli;

import id.kanal.dialog.port.Intents;
import id.kanal.intents.Example;
import id.kanal.intents.ModelOptions;
import id.kanal.intents.SharedData;
import id.kanal.intents.SlangLexicon;
import id.kanal.intents.TextNormaliser;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark protocol on small samples of the public data in shared/data (skipped when it
 * is absent). The full CLINC150 run is the {@code nlu-eval} command, not a test: it takes a minute.
 */
class BenchmarkSampleTest {
    @Test
    void clinc150_sampleOf20Intents_learnsAndRejectsOutOfScope() throws Exception {
        Benchmarks.Splits all = Benchmarks.clinc150(SharedData.require("nlu/clinc150/data_full.json"));
        Set<String> keep = new TreeSet<>();
        for (Example e : all.train()) {
            if (!e.intent().equals(Intents.OUT_OF_SCOPE) && keep.size() < 20) {
                keep.add(e.intent());
            }
        }
        keep.add(Intents.OUT_OF_SCOPE);
        Benchmarks.Splits sample = new Benchmarks.Splits(only(all.train(), keep), only(all.val(), keep),
                only(all.test(), keep));
        NluEvalCommand.Report r = NluEvalCommand.evaluate("clinc150-sample", sample, TextNormaliser.builtIn(),
                ModelOptions.defaults(), 0.005, 200);
        assertTrue(r.inScopeAccuracy() > 0.85, "in-scope accuracy " + r.inScopeAccuracy());
        assertTrue(r.outOfScopeRecall().orElseThrow() > 0.3, "oos recall " + r.outOfScopeRecall());
    }

    @Test
    void xsid_indonesian_trainsOnValidReportsOnTest() {
        Path folder = SharedData.require("nlu/xsid-id/id.test.conll").getParent();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = NluEvalCommand.run(new String[] {"--dataset", "xsid", "--path", folder.toString(), "--latency-calls", "200"},
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, out);
        assertTrue(out.contains("dataset=xsid train=300 test=500"), out);
    }

    @Test
    void lexicon_colloquialIndonesian_loadsAndNormalises() throws Exception {
        SlangLexicon lexicon = SlangLexicon.load(SharedData.require("lexicon/colloquial-indonesian-lexicon.csv"));
        assertTrue(lexicon.size() > 3_000, "entries " + lexicon.size());
        TextNormaliser n = TextNormaliser.withLexicon(lexicon);
        // "netaas" is in the lexicon's own example rows, not in the project's list.
        assertEquals("menetas", n.normalise("netaas"));
    }

    private static List<Example> only(List<Example> rows, Set<String> intents) {
        List<Example> out = new ArrayList<>();
        for (Example e : rows) {
            if (intents.contains(e.intent())) {
                out.add(e);
            }
        }
        return out;
    }
}
