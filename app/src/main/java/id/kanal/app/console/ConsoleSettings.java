package id.kanal.app.console;

import io.helidon.config.Config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The agent console's settings ({@code kanal.console.*}, environment variables win).
 *
 * @param adminPassword     {@code KANAL_ADMIN_PASSWORD}: the first admin's password; empty: a one-time
 *                          password is generated and logged once
 * @param demo              {@code KANAL_DEMO=true}: the simulator is open to anyone, not only staff
 * @param passwordMemoryKb  Argon2id memory cost ({@code KANAL_CONSOLE_PASSWORD_MEMORY_KB}); tests lower it
 * @param sessionTtl        how long a login lasts
 * @param secureCookie      the session cookie is {@code Secure}: true when {@code KANAL_PUBLIC_URL} is https
 */
public record ConsoleSettings(Optional<String> adminPassword, boolean demo, int passwordMemoryKb,
                              Duration sessionTtl, boolean secureCookie) {
    /** OWASP's Argon2id minimum: 19 MiB, 2 iterations, 1 lane. */
    public static final int DEFAULT_MEMORY_KB = 19_456;

    public ConsoleSettings {
        if (passwordMemoryKb < 8) {
            throw new IllegalArgumentException("KANAL_CONSOLE_PASSWORD_MEMORY_KB must be >= 8: " + passwordMemoryKb);
        }
        if (sessionTtl.isNegative() || sessionTtl.isZero()) {
            throw new IllegalArgumentException("kanal.console.session-ttl must be positive: " + sessionTtl);
        }
    }

    /** Reads {@code kanal.console} and the environment. */
    public static ConsoleSettings from(Config c, Map<String, String> env, String publicUrl) {
        Optional<String> password = Optional.ofNullable(env.get("KANAL_ADMIN_PASSWORD")).filter(v -> !v.isBlank());
        boolean demo = Optional.ofNullable(env.get("KANAL_DEMO")).map(v -> v.strip().equalsIgnoreCase("true"))
                .orElse(c.get("demo").asBoolean().orElse(false));
        int memory = Optional.ofNullable(env.get("KANAL_CONSOLE_PASSWORD_MEMORY_KB")).map(String::strip)
                .map(Integer::parseInt).orElse(c.get("password-memory-kb").asInt().orElse(DEFAULT_MEMORY_KB));
        Duration ttl = c.get("session-ttl").as(Duration.class).orElse(Duration.ofHours(12));
        return new ConsoleSettings(password, demo, memory, ttl, publicUrl.startsWith("https://"));
    }
}
