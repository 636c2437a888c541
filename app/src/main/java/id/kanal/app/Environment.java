package id.kanal.app;

import java.util.Map;
import java.util.Optional;

/**
 * The environment variables Kanal started with, for the secrets a region file names by variable
 * (a region file is configuration that may be committed: {@code open311.api-key-env} says which
 * variable holds the key, never the key). Tests pass a map. Its values never reach a log (its {@link #toString} shows none).
 */
public final class Environment {
    private final Map<String, String> variables;

    Environment(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    public static Environment of(Map<String, String> variables) {
        return new Environment(variables);
    }

    static Environment none() {
        return new Environment(Map.of());
    }

    /** The variable's value, stripped; empty when unset or blank. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(variables.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    @Override
    public String toString() {
        return "Environment[" + variables.size() + " variables]";
    }
}
