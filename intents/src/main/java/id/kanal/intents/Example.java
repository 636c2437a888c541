package id.kanal.intents;

import java.util.Map;
import java.util.Objects;

/** One labelled message: training data, the held-out file or a benchmark row. */
public record Example(String intent, String text, Map<String, String> entities) {
    public Example {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(text, "text");
        entities = Map.copyOf(entities);
    }

    public static Example of(String intent, String text) {
        return new Example(intent, text, Map.of());
    }
}
