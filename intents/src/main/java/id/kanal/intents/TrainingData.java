package id.kanal.intents;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kanal's labelled messages, as tab-separated lines {@code intent<TAB>text[<TAB>key=value;key=value]}.
 * {@code train.tsv} is what the model learns from; {@code heldout.tsv} is only ever read by
 * evaluation and tests, never by training.
 */
public final class TrainingData {
    static final String TRAIN = "/id/kanal/intents/train.tsv";
    static final String HELD_OUT = "/id/kanal/intents/heldout.tsv";

    private TrainingData() {
    }

    /** The built-in training examples. */
    public static List<Example> builtInTraining() {
        return resource(TRAIN);
    }

    /** The held-out examples with their expected entities. Never used for training or tuning. */
    public static List<Example> builtInHeldOut() {
        return resource(HELD_OUT);
    }

    public static List<Example> read(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in);
        }
    }

    private static List<Example> resource(String name) {
        try (InputStream in = TrainingData.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Example> read(InputStream in) throws IOException {
        List<Example> out = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length < 2) {
                throw new IOException("line " + number + ": expected intent<TAB>text: " + line);
            }
            Map<String, String> entities = new LinkedHashMap<>();
            if (cols.length > 2) {
                for (String kv : cols[2].split(";")) {
                    int eq = kv.indexOf('=');
                    if (eq > 0) {
                        entities.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
                    }
                }
            }
            out.add(new Example(cols[0].strip(), cols[1].strip(), entities));
        }
        return out;
    }
}
