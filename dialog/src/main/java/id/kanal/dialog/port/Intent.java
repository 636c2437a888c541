package id.kanal.dialog.port;

import java.util.Map;
import java.util.Objects;

/**
 * What a message means: an intent name from {@link Intents}, a confidence in [0, 1] and the
 * entities found ({@code ticket}, {@code commodity}, {@code market}, {@code from}, {@code to},
 * {@code stop}, {@code category}).
 */
public record Intent(String name, double confidence, Map<String, String> entities) {
    public Intent {
        Objects.requireNonNull(name, "name");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0,1]: " + confidence);
        }
        entities = Map.copyOf(entities);
    }

    public static Intent of(String name, double confidence) {
        return new Intent(name, confidence, Map.of());
    }

    public java.util.Optional<String> entity(String key) {
        return java.util.Optional.ofNullable(entities.get(key));
    }
}
