package id.kanal.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 13, item 10: {@code /observe/metrics} was open to anyone; health stays open. */
class MetricsAccessTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC);
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void noToken_thisMachineOnly_neverThroughAProxy() throws Exception {
        // Behind a trusted proxy on loopback, as in production: the forwarded caller is another machine.
        try (KanalHarness kanal = new KanalHarness(dataDir, CLOCK, Map.of("KANAL_TRUSTED_PROXIES", "127.0.0.1, ::1"))) {
            assertEquals(200, get(kanal, "/observe/metrics", Map.of()).statusCode(), "a direct local request");
            assertEquals(403, get(kanal, "/observe/metrics", Map.of("X-Forwarded-For", "203.0.113.5")).statusCode());
            assertEquals(403, get(kanal, "/observe/metrics", Map.of("X-Forwarded-For", "127.0.0.1")).statusCode(),
                    "came through a proxy: not local, whatever it claims");
            assertEquals(200, get(kanal, "/observe/health", Map.of("X-Forwarded-For", "203.0.113.5")).statusCode());
        }
    }

    @Test
    void token_opensMetricsToItsBearerOnly() throws Exception {
        try (KanalHarness kanal = new KanalHarness(dataDir, CLOCK, Map.of("KANAL_METRICS_TOKEN", "scrape-me"))) {
            assertEquals(401, get(kanal, "/observe/metrics", Map.of()).statusCode(), "the token decides, even locally");
            assertEquals(401, get(kanal, "/observe/metrics", Map.of("Authorization", "Bearer scrape-you")).statusCode());
            assertEquals(200, get(kanal, "/observe/metrics", Map.of("Authorization", "Bearer scrape-me",
                    "X-Forwarded-For", "203.0.113.5")).statusCode());
            assertEquals(200, get(kanal, "/observe/health", Map.of()).statusCode());
        }
    }

    private HttpResponse<String> get(KanalHarness kanal, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + kanal.port() + path));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
