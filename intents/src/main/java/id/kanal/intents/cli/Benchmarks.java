package id.kanal.intents.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kanal.dialog.port.Intents;
import id.kanal.intents.Example;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Public benchmark files read at evaluation time (never copied into the repository): CLINC150
 * {@code data_full.json} and xSID CoNLL files. Out-of-scope rows are labelled
 * {@link Intents#OUT_OF_SCOPE}.
 */
public final class Benchmarks {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Benchmarks() {
    }

    /** A benchmark's splits: train (learn), val (tune the threshold), test (report only). */
    public record Splits(List<Example> train, List<Example> val, List<Example> test) {
        public Splits {
            train = List.copyOf(train);
            val = List.copyOf(val);
            test = List.copyOf(test);
        }
    }

    /** CLINC150 full: train + oos_train, val + oos_val, test + oos_test. */
    public static Splits clinc150(Path dataFullJson) throws IOException {
        JsonNode m = JSON.readTree(dataFullJson.toFile());
        if (m == null || !m.isObject()) {
            throw new IOException("not a CLINC150 file (no top-level object): " + dataFullJson);
        }
        return new Splits(
                concat(rows(m, "train", false), rows(m, "oos_train", true)),
                concat(rows(m, "val", false), rows(m, "oos_val", true)),
                concat(rows(m, "test", false), rows(m, "oos_test", true)));
    }

    /** xSID Indonesian: learn on {@code id.valid.conll}, report on {@code id.test.conll}; no val split, no OOS. */
    public static Splits xsid(Path folder) throws IOException {
        return new Splits(conll(folder.resolve("id.valid.conll")), List.of(), conll(folder.resolve("id.test.conll")));
    }

    static List<Example> conll(Path file) throws IOException {
        List<Example> out = new ArrayList<>();
        String text = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("# text =")) {
                text = line.substring("# text =".length()).strip();
            } else if (line.startsWith("# intent =") && text != null) {
                out.add(Example.of(line.substring("# intent =".length()).strip(), text));
                text = null;
            }
        }
        return out;
    }

    /** The rows of one split: each a pair {@code [text, intent]}. */
    private static List<Example> rows(JsonNode root, String key, boolean outOfScope) throws IOException {
        JsonNode list = root.get(key);
        if (list == null || !list.isArray()) {
            throw new IOException("CLINC150 file lacks the list '" + key + "'");
        }
        List<Example> out = new ArrayList<>(list.size());
        for (JsonNode pair : list) {
            if (!pair.isArray() || pair.size() < 2 || !pair.get(0).isTextual() || !pair.get(1).isTextual()) {
                throw new IOException("CLINC150 row in '" + key + "' is not [text, intent]: " + pair);
            }
            out.add(Example.of(outOfScope ? Intents.OUT_OF_SCOPE : pair.get(1).asText(), pair.get(0).asText()));
        }
        return out;
    }

    private static List<Example> concat(List<Example> a, List<Example> b) {
        List<Example> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
