package id.kanal.app;

import id.kanal.app.console.ConsoleSettings;
import id.kanal.dialog.OpeningHours;
import id.kanal.intents.IntentsConfig;
import io.helidon.config.Config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * Kanal's settings: {@code application.yaml} under {@code kanal.*}, each overridden by its
 * environment variable (the names are part of Kanal's outside contract, see the README).
 */
public record Settings(int port, Path dataDir, Optional<String> dbUrl, String publicUrl,
                       Optional<String> twilioAccountSid, Optional<String> twilioAuthToken,
                       Optional<Path> regionFile, Duration idleTimeout, ZoneId zone,
                       OpeningHours agentHours, int priceStaleAfterDays, OutboundSettings outbound,
                       ComplaintSettings complaints, ChannelSettings channels,
                       IntentsConfig intents, ConsoleSettings console) {

    /** Reads settings from a config tree and an environment (tests pass maps for both). */
    public static Settings from(Config config, Map<String, String> env) {
        Config k = config.get("kanal");
        int port = env("KANAL_PORT", env).map(Settings::port).orElse(k.get("port").asInt().orElse(8080));
        String publicUrl = env("KANAL_PUBLIC_URL", env).or(() -> k.get("public-url").asString().asOptional())
                .orElse("http://localhost:" + port);
        return new Settings(
                port,
                Path.of(env("KANAL_DATA_DIR", env).orElse(k.get("data-dir").asString().orElse("./data"))),
                env("KANAL_DB_URL", env).or(() -> k.get("db-url").asString().asOptional()),
                publicUrl,
                env("KANAL_TWILIO_ACCOUNT_SID", env),
                env("KANAL_TWILIO_AUTH_TOKEN", env),
                env("KANAL_REGION_FILE", env).or(() -> k.get("region-file").asString().asOptional()).map(Path::of),
                k.get("dialog.idle-timeout").as(Duration.class).orElse(Duration.ofMinutes(30)),
                ZoneId.of(k.get("dialog.zone").asString().orElse("Asia/Jakarta")),
                AgentHours.parse(env("KANAL_AGENT_HOURS", env)
                        .orElse(k.get("handoff.hours").asString().orElse("MON-FRI 08:00-16:00"))),
                k.get("prices.stale-after-days").asInt().orElse(3),
                OutboundSettings.from(k, env),
                ComplaintSettings.from(k, env),
                ChannelSettings.from(k, env),
                IntentsConfig.fromEnvironment(env),
                ConsoleSettings.from(k.get("console"), env, publicUrl));
    }

    private static Optional<String> env(String name, Map<String, String> env) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static int port(String value) {
        try {
            int p = Integer.parseInt(value);
            if (p < 0 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("KANAL_PORT must be a port number (0-65535): " + value);
        }
    }

    /** A copy listening on another port (tests use 0: any free port). */
    public Settings withPort(int newPort) {
        return new Settings(newPort, dataDir, dbUrl, publicUrl, twilioAccountSid, twilioAuthToken, regionFile,
                idleTimeout, zone, agentHours, priceStaleAfterDays, outbound, complaints, channels, intents, console);
    }
}
