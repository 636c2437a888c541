package id.kanal.app;

import id.kanal.channels.testing.LogCapture;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13, item 3: with neither a USSD secret nor an allow-list the route accepts nothing, and says why. */
class UssdOffTest {
    @TempDir
    Path dataDir;

    @Test
    void neitherSecretNorAllowList_startLogSaysSo_andTheRouteAnswers503() throws Exception {
        try (LogCapture log = new LogCapture("id.kanal.channels.ussd.UssdChannel");
             KanalHarness kanal = new KanalHarness(dataDir, Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"),
                     ZoneOffset.UTC), Map.of())) {
            assertEquals(1, log.messages().stream().filter(m -> m.startsWith("USSD off")).count(), log.messages().toString());
            HttpResponse<String> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + kanal.port() + "/channels/ussd"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("sessionId=S1&serviceCode=*123%23&phoneNumber=%2B6281234567890"
                            + "&networkCode=51010&text=")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(503, res.statusCode());
            assertTrue(res.body().contains("KANAL_USSD_SECRET") && res.body().contains("KANAL_USSD_ALLOWED_IPS"), res.body());
        }
    }
}
