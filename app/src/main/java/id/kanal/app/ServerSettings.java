package id.kanal.app;

import id.kanal.channels.ConfigValues;
import id.kanal.channels.web.Cidr;
import io.helidon.common.config.Config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The HTTP server's settings, at the top of {@code kanal.*}.
 *
 * @param port                the port ({@code kanal.port}, {@code KANAL_PORT}); 0: any free port
 * @param publicUrl           the base URL providers call ({@code kanal.public-url}, {@code KANAL_PUBLIC_URL}),
 *                            empty when not configured
 * @param shutdownGracePeriod how long a shutdown waits for the requests in flight ({@code kanal.shutdown-grace-period})
 * @param trustedProxies      reverse proxies whose {@code X-Forwarded-For} is believed
 *                            ({@code kanal.server.trusted-proxies}, {@code KANAL_TRUSTED_PROXIES}); none by default
 * @param metricsToken        the bearer token that opens {@code /observe/metrics} to other machines
 *                            ({@code KANAL_METRICS_TOKEN}); unset: this machine only
 */
public record ServerSettings(int port, Optional<String> publicUrl, Duration shutdownGracePeriod,
                             List<Cidr> trustedProxies, Optional<String> metricsToken) {
    public ServerSettings {
        trustedProxies = List.copyOf(trustedProxies);
    }

    /** Twilio itself gives up after 15 s; the requests in flight get 10. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

    /** Reads {@code port}, {@code public-url}, {@code shutdown-grace-period} and {@code server.*} from {@code kanal}. */
    public static ServerSettings create(Config kanal) {
        return new ServerSettings(ConfigValues.integer(kanal.get("port"), 0, 65535, 8080),
                ConfigValues.string(kanal.get("public-url")),
                ConfigValues.positiveDuration(kanal.get("shutdown-grace-period"), DEFAULT_GRACE),
                ConfigValues.parsed(kanal.get("server").get("trusted-proxies"), "comma-separated IP addresses or CIDRs",
                        Cidr::parseList).orElse(List.of()),
                ConfigValues.string(kanal.get("server").get("metrics-token")));
    }

    /** The URL providers call: the configured one, else this machine on the configured port. */
    public String baseUrl() {
        return publicUrl.orElse("http://localhost:" + port);
    }
}
