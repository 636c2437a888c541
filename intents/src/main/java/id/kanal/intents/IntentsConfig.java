package id.kanal.intents;

import io.helidon.common.config.Config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How the app builds the classifier, read from the {@code kanal.intents} subtree (each key has
 * its environment variable, see the README's configuration table):
 * <ul>
 *   <li>{@code lexicon-path} ({@code KANAL_LEXICON_PATH}): a colloquial-Indonesian-lexicon
 *       CSV ({@code slang,formal,...}) used after the project's own slang list</li>
 *   <li>{@code model-path} ({@code KANAL_INTENT_MODEL_PATH}): a saved model to load instead
 *       of training at start</li>
 *   <li>{@code threshold} ({@code KANAL_INTENT_THRESHOLD}): minimum in-scope probability</li>
 * </ul>
 */
public record IntentsConfig(Optional<Path> lexiconPath, Optional<Path> modelPath, double threshold) {
    public IntentsConfig {
        Objects.requireNonNull(lexiconPath, "lexiconPath");
        Objects.requireNonNull(modelPath, "modelPath");
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("kanal.intents.threshold must be in [0,1]: " + threshold);
        }
    }

    /** Built-in everything. */
    public static IntentsConfig defaults() {
        return new IntentsConfig(Optional.empty(), Optional.empty(), OpenNlpIntentClassifier.DEFAULT_THRESHOLD);
    }

    /** Reads the {@code kanal.intents} subtree; an unset or blank key means the default. */
    public static IntentsConfig create(Config intents) {
        Config threshold = intents.get("threshold");
        double t = value(threshold).map(v -> {
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(threshold.key() + " is not a number: " + v, e);
            }
        }).orElse(OpenNlpIntentClassifier.DEFAULT_THRESHOLD);
        return new IntentsConfig(value(intents.get("lexicon-path")).map(Path::of),
                value(intents.get("model-path")).map(Path::of), t);
    }

    private static Optional<String> value(Config key) {
        return key.asString().asOptional().map(String::strip).filter(v -> !v.isEmpty());
    }
}
