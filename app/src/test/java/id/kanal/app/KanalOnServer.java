package id.kanal.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * A real Kanal with its server ({@link KanalHarness}) on a scratch directory, started before each
 * test and closed after it; subclasses name the moment ({@link #clock()}) and the environment
 * ({@link #env()}). A test may close {@link #kanal} and {@link #startAgain} with other settings.
 */
abstract class KanalOnServer {
    /** 22 Nov 2026, 10:00 in Jakarta: the moment most tests stand on. */
    static final Instant MOMENT = Instant.parse("2026-11-22T03:00:00Z");

    @TempDir
    Path dataDir;
    KanalHarness kanal;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void startKanal() {
        kanal = new KanalHarness(dataDir, clock(), env());
    }

    @AfterEach
    void closeKanal() {
        kanal.close();
    }

    /** The clock the Kanal runs on: fixed at {@link #MOMENT} unless a subclass says otherwise. */
    Clock clock() {
        return Clock.fixed(MOMENT, ZoneOffset.UTC);
    }

    /** The environment variables the Kanal starts with, beyond the harness's own. */
    Map<String, String> env() {
        return Map.of();
    }

    /** Closes this test's Kanal and starts another on the same data directory. */
    void startAgain(Clock clock, Map<String, String> env) {
        kanal.close();
        kanal = new KanalHarness(dataDir, clock, env);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request to this Kanal, its body (none if null) of {@code contentType}, with a Bearer {@code token} (none if null). */
    HttpResponse<String> call(String method, String path, String contentType, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(kanal.uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", contentType);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b);
    }
}
