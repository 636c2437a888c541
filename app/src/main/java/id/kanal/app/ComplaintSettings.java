package id.kanal.app;

import io.helidon.config.Config;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of the complaints desk, the staff API and Open311 (config {@code kanal.complaints.*},
 * each overridden by its environment variable; secrets come from the environment only).
 *
 * @param adminToken                the staff API's bearer token ({@code KANAL_ADMIN_TOKEN}); unset: the API answers 503
 * @param open311ApiKeys            keys Open311 clients must send to file ({@code KANAL_OPEN311_API_KEY}, comma-separated);
 *                                  empty: Open311 filing is refused
 * @param whatsAppStatusTemplateSid WhatsApp template for status changes outside the 24-hour window
 * @param open311Endpoint           an external Open311 desk complaints are forwarded to ({@code KANAL_OPEN311_ENDPOINT})
 */
public record ComplaintSettings(Optional<String> adminToken, List<String> open311ApiKeys,
                                Optional<String> whatsAppStatusTemplateSid, Optional<URI> open311Endpoint,
                                Optional<String> open311ClientApiKey, Optional<String> open311Jurisdiction,
                                Duration open311PollInterval) {
    public ComplaintSettings {
        open311ApiKeys = List.copyOf(open311ApiKeys);
    }

    static ComplaintSettings from(Config kanal, Map<String, String> env) {
        Config k = kanal.get("complaints");
        return new ComplaintSettings(
                env("KANAL_ADMIN_TOKEN", env),
                env("KANAL_OPEN311_API_KEY", env).map(v -> Arrays.stream(v.split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).toList()).orElse(List.of()),
                env("KANAL_WHATSAPP_STATUS_TEMPLATE_SID", env)
                        .or(() -> k.get("whatsapp-status-template-sid").asString().asOptional()),
                env("KANAL_OPEN311_ENDPOINT", env).or(() -> k.get("open311.endpoint").asString().asOptional())
                        .map(ComplaintSettings::uri),
                env("KANAL_OPEN311_CLIENT_API_KEY", env),
                env("KANAL_OPEN311_JURISDICTION", env).or(() -> k.get("open311.jurisdiction").asString().asOptional()),
                env("KANAL_OPEN311_POLL_INTERVAL", env).map(ComplaintSettings::pollInterval)
                        .orElse(k.get("open311.poll-interval").as(Duration.class).orElse(Duration.ofMinutes(5))));
    }

    private static Duration pollInterval(String value) {
        try {
            Duration d = Duration.parse(value);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("not positive");
            }
            return d;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("KANAL_OPEN311_POLL_INTERVAL must be a positive ISO-8601 duration "
                    + "(e.g. PT5M): " + value);
        }
    }

    private static URI uri(String value) {
        try {
            URI u = URI.create(value);
            if (u.getScheme() == null || !u.getScheme().startsWith("http")) {
                throw new IllegalArgumentException("not http(s)");
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("KANAL_OPEN311_ENDPOINT must be an http(s) URL: " + value);
        }
    }

    private static Optional<String> env(String name, Map<String, String> env) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
