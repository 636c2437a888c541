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
 * @param liveMaxStreams      how many LIVE Room event streams one node keeps open at once
 *                            ({@code kanal.live.max-streams}, {@code KANAL_LIVE_MAX_STREAMS}); more screens poll
 * @param liveHeartbeat       how long a LIVE Room stream may stay silent before a heartbeat comment
 *                            ({@code kanal.live.heartbeat}): below the idle timeout of the proxies in front
 */
public record ServerSettings(int port, Optional<String> publicUrl, Duration shutdownGracePeriod,
                             List<Cidr> trustedProxies, Optional<String> metricsToken, int liveMaxStreams,
                             Duration liveHeartbeat) {
    public ServerSettings {
        trustedProxies = List.copyOf(trustedProxies);
    }

    /** Twilio itself gives up after 15 s; the requests in flight get 10. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);
    /** A city's wall screens and the phones looking at a board: hundreds, each stream a (virtual) thread and a socket. */
    public static final int DEFAULT_LIVE_MAX_STREAMS = 500;
    /** nginx closes a proxied response silent for 60 s by default, some load balancers after 30 s. */
    public static final Duration DEFAULT_LIVE_HEARTBEAT = Duration.ofSeconds(15);

    /**
     * Reads {@code port}, {@code public-url}, {@code shutdown-grace-period}, {@code server.*} and
     * {@code live.*} from {@code kanal}.
     */
    public static ServerSettings create(Config kanal) {
        return new ServerSettings(ConfigValues.integer(kanal.get("port"), 0, 65535, 8080),
                ConfigValues.string(kanal.get("public-url")),
                ConfigValues.positiveDuration(kanal.get("shutdown-grace-period"), DEFAULT_GRACE),
                ConfigValues.parsed(kanal.get("server").get("trusted-proxies"), "comma-separated IP addresses or CIDRs",
                        Cidr::parseList).orElse(List.of()),
                ConfigValues.string(kanal.get("server").get("metrics-token")),
                ConfigValues.integer(kanal.get("live").get("max-streams"), 0, 100_000, DEFAULT_LIVE_MAX_STREAMS),
                ConfigValues.positiveDuration(kanal.get("live").get("heartbeat"), DEFAULT_LIVE_HEARTBEAT));
    }

    /** The URL providers call: the configured one, else this machine on the configured port. */
    public String baseUrl() {
        return publicUrl.orElse("http://localhost:" + port);
    }
}
