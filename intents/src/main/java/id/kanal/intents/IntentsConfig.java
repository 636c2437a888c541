package id.kanal.intents;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the app builds the classifier. Proposed configuration keys (Helidon, kebab-case) and
 * their environment overrides:
 * <ul>
 *   <li>{@code intents.lexicon-path} / {@code KANAL_LEXICON_PATH}: a colloquial-Indonesian-lexicon
 *       CSV ({@code slang,formal,...}) used after the project's own slang list</li>
 *   <li>{@code intents.model-path} / {@code KANAL_INTENT_MODEL_PATH}: a saved model to load instead
 *       of training at start</li>
 *   <li>{@code intents.threshold} / {@code KANAL_INTENT_THRESHOLD}: minimum in-scope probability</li>
 * </ul>
 */
public record IntentsConfig(Optional<Path> lexiconPath, Optional<Path> modelPath, double threshold) {
    public static final String LEXICON_ENV = "KANAL_LEXICON_PATH";
    public static final String MODEL_ENV = "KANAL_INTENT_MODEL_PATH";
    public static final String THRESHOLD_ENV = "KANAL_INTENT_THRESHOLD";

    public IntentsConfig {
        Objects.requireNonNull(lexiconPath, "lexiconPath");
        Objects.requireNonNull(modelPath, "modelPath");
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("intents.threshold must be in [0,1]: " + threshold);
        }
    }

    /** Built-in everything. */
    public static IntentsConfig defaults() {
        return new IntentsConfig(Optional.empty(), Optional.empty(), OpenNlpIntentClassifier.DEFAULT_THRESHOLD);
    }

    /** From environment variables (pass {@code System.getenv()}); unset or blank means the default. */
    public static IntentsConfig fromEnvironment(Map<String, String> env) {
        String threshold = env.get(THRESHOLD_ENV);
        double t;
        try {
            t = threshold == null || threshold.isBlank() ? OpenNlpIntentClassifier.DEFAULT_THRESHOLD
                    : Double.parseDouble(threshold.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(THRESHOLD_ENV + " is not a number: " + threshold, e);
        }
        return new IntentsConfig(path(env.get(LEXICON_ENV)), path(env.get(MODEL_ENV)), t);
    }

    private static Optional<Path> path(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value.strip()));
    }
}
