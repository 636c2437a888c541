package id.kanal.app.console;

import id.kanal.channels.ConfigValues;
import io.helidon.common.config.Config;

import java.time.Duration;
import java.util.Optional;

/**
 * The agent console's settings ({@code kanal.console}; the admin password comes only from the environment).
 *
 * @param adminPassword     {@code KANAL_ADMIN_PASSWORD}: the first admin's password; empty: a one-time
 *                          password is generated and logged once
 * @param demo              {@code KANAL_DEMO=true}: the simulator is open to anyone, not only staff
 * @param passwordMemoryKb  Argon2id memory cost ({@code KANAL_CONSOLE_PASSWORD_MEMORY_KB}); tests lower it
 * @param sessionTtl        how long a login lasts
 * @param secureCookie      the session cookie is {@code Secure}: true when {@code KANAL_PUBLIC_URL} is https
 * @param autoAssignCap     {@code KANAL_CONSOLE_AUTO_ASSIGN_CAP}: waiting conversations go by themselves to the
 *                          online agent with the fewest open ones, up to this many each; 0: off
 */
public record ConsoleSettings(Optional<String> adminPassword, boolean demo, int passwordMemoryKb,
                              Duration sessionTtl, boolean secureCookie, int autoAssignCap) {
    /** OWASP's Argon2id minimum: 19 MiB, 2 iterations, 1 lane. */
    public static final int DEFAULT_MEMORY_KB = 19_456;

    public ConsoleSettings {
        if (passwordMemoryKb < 8) {
            throw new IllegalArgumentException("kanal.console.password-memory-kb must be >= 8: " + passwordMemoryKb);
        }
        if (sessionTtl.isNegative() || sessionTtl.isZero()) {
            throw new IllegalArgumentException("kanal.console.session-ttl must be positive: " + sessionTtl);
        }
        if (autoAssignCap < 0) {
            throw new IllegalArgumentException("kanal.console.auto-assign-cap must be >= 0: " + autoAssignCap);
        }
    }

    /** Reads the {@code kanal.console} subtree; the cookie is {@code Secure} when the public URL is https. */
    public static ConsoleSettings create(Config console, String publicUrl) {
        Optional<String> password = console.get("admin-password").asString().asOptional().filter(v -> !v.isBlank());
        boolean demo = ConfigValues.bool(console.get("demo"), false);
        int memory = ConfigValues.integer(console.get("password-memory-kb"), 8, Integer.MAX_VALUE, DEFAULT_MEMORY_KB);
        Duration ttl = ConfigValues.positiveDuration(console.get("session-ttl"), Duration.ofHours(12));
        int cap = ConfigValues.integer(console.get("auto-assign-cap"), 0, 1000, 0);
        return new ConsoleSettings(password, demo, memory, ttl, publicUrl.startsWith("https://"), cap);
    }
}
