package id.kanal.app;

import java.util.Map;
import java.util.TreeMap;

/** The {@code --option value} pairs of a command's arguments (the bench and SMSC commands), by option name. */
public final class CommandOptions {
    private CommandOptions() {
    }

    /** @throws IllegalArgumentException for an argument that is not {@code --option}, or an option without its value */
    public static Map<String, String> of(String[] args) {
        Map<String, String> out = new TreeMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            out.put(args[i].substring(2), args[i + 1]);
        }
        return out;
    }
}
