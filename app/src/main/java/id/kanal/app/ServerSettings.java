package id.kanal.app;

import id.kanal.channels.ConfigValues;
import io.helidon.common.config.Config;

import java.time.Duration;
import java.util.Optional;

/**
 * The HTTP server's settings, at the top of {@code kanal.*}.
 *
 * @param port                the port ({@code kanal.port}, {@code KANAL_PORT}); 0: any free port
 * @param publicUrl           the base URL providers call ({@code kanal.public-url}, {@code KANAL_PUBLIC_URL}),
 *                            empty when not configured
 * @param shutdownGracePeriod how long a shutdown waits for the requests in flight ({@code kanal.shutdown-grace-period})
 */
public record ServerSettings(int port, Optional<String> publicUrl, Duration shutdownGracePeriod) {
    /** Twilio itself gives up after 15 s; the requests in flight get 10. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

    /** Reads {@code port}, {@code public-url} and {@code shutdown-grace-period} from {@code kanal}. */
    public static ServerSettings create(Config kanal) {
        return new ServerSettings(ConfigValues.integer(kanal.get("port"), 0, 65535, 8080),
                ConfigValues.string(kanal.get("public-url")),
                ConfigValues.positiveDuration(kanal.get("shutdown-grace-period"), DEFAULT_GRACE));
    }

    /** The URL providers call: the configured one, else this machine on the configured port. */
    public String baseUrl() {
        return publicUrl.orElse("http://localhost:" + port);
    }
}
