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
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A real Kanal with its server ({@link KanalHarness}) on a scratch directory, started before each
 * test and closed after it; subclasses name the moment its clock stands on and its environment.
 * A test may close {@link #kanal} and {@link #startAgain} with other settings.
 */
abstract class KanalOnServer {
    /** 22 Nov 2026, 10:00 in Jakarta: the moment most tests stand on. */
    static final Instant MOMENT = Instant.parse("2026-11-22T03:00:00Z");

    @TempDir
    Path dataDir;
    KanalHarness kanal;
    final HttpClient http = HttpClient.newHttpClient();
    private final Instant moment;
    private final Map<String, String> env;
    private final AtomicInteger smsIds = new AtomicInteger();

    KanalOnServer() {
        this(MOMENT, Map.of());
    }

    /** @param env the environment variables the Kanal starts with, beyond the harness's own */
    KanalOnServer(Map<String, String> env) {
        this(MOMENT, env);
    }

    /** @param moment where the Kanal's clock stands */
    KanalOnServer(Instant moment, Map<String, String> env) {
        this.moment = moment;
        this.env = env;
    }

    @BeforeEach
    void startKanal() {
        kanal = new KanalHarness(dataDir, clock(), env);
    }

    @AfterEach
    void closeKanal() {
        kanal.close();
    }

    /** The Kanal's environment for tests that call its USSD route from this machine. */
    static final Map<String, String> USSD_FROM_LOOPBACK = Map.of("KANAL_USSD_ALLOWED_IPS", "127.0.0.1/32, ::1");

    Clock clock() {
        return Clock.fixed(moment, ZoneOffset.UTC);
    }

    /** Closes this test's Kanal and starts another on the same data directory. */
    void startAgain(Clock clock, Map<String, String> env) {
        kanal.close();
        kanal = new KanalHarness(dataDir, clock, env);
    }

    /** One SMS from {@code from} under a new message id, which Kanal must take (200). */
    HttpResponse<String> sms(String from, String text) throws Exception {
        HttpResponse<String> res = kanal.sms("SM" + smsIds.incrementAndGet(), from, text);
        assertEquals(200, res.statusCode(), res.body());
        return res;
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
