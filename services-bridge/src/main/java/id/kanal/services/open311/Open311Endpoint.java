package id.kanal.services.open311;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A region's external Open311 GeoReport v2 desk that Kanal forwards complaints to.
 *
 * @param baseUrl      the API root, e.g. {@code https://311.example.go.id/open311/v2/} (requests.json is resolved against it)
 * @param apiKey       the {@code api_key} the desk issued to Kanal
 * @param jurisdiction the {@code jurisdiction_id}, when the desk serves several
 * @param pollEvery    how often the status of forwarded complaints is asked
 */
public record Open311Endpoint(URI baseUrl, Optional<String> apiKey, Optional<String> jurisdiction, Duration pollEvery) {
    public Open311Endpoint {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(pollEvery, "pollEvery");
        if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
            throw new IllegalArgumentException("baseUrl must be http(s): " + baseUrl);
        }
        if (!baseUrl.getPath().endsWith("/")) {
            baseUrl = URI.create(baseUrl + "/");
        }
    }
}
