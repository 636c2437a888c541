package id.kanal.app;

import java.util.Map;
import java.util.Optional;

/**
 * The process's environment variables, for the secrets a region file names by variable (a region's
 * Telegram bot token): a file says which variable holds a secret, never the secret itself. Its
 * {@link #toString} shows no value, so settings printed whole leak nothing.
 */
public final class Environment {
    private final Map<String, String> variables;

    Environment(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
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
