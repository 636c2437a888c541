package id.kanal.app.console;

import id.kanal.dialog.testing.MutableClock;

import id.kanal.dialog.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live stream: a resident asking for an agent reaches an agent's open event stream. */
class ConsoleEventsTest {
    @TempDir
    Path dataDir;

    @Test
    void events_residentAsksForAgent_streamSaysWhichConversationChanged_andStopDoesNotHang() throws Exception {
        // The stream first goes quiet long enough for a keep-alive ping, and must survive it
        // (a regression: the ping once failed in Helidon's sink and dropped every idle stream).
        ConsoleHarness kanal = new ConsoleHarness(dataDir, new MutableClock(Instant.parse("2026-11-23T03:00:00Z")), Map.of());
        ConsoleHarness.Client agent = kanal.login("admin", ConsoleHarness.ADMIN_PASSWORD);
        // As a browser's EventSource sends it: the shutdown drain leaves such streams to the stop.
        HttpResponse<InputStream> res = kanal.events(agent, "Accept", "text/event-stream");
        assertEquals(200, res.statusCode());
        assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        BufferedReader lines = lines(res);
        assertEquals("event:hello", next(lines, "event:"));
        assertEquals("event:ping", next(lines, "event:"));
        kanal.resident(Channel.SMS, "+6281234500077", "petugas");
        assertEquals("event:changed", next(lines, "event:changed"));
        assertTrue(next(lines, "data:").contains("sms/+6281234500077"));
        long start = System.nanoTime();
        kanal.close();
        Duration stop = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(stop.compareTo(Duration.ofSeconds(5)) < 0, "stop took " + stop);
    }

    @Test
    void events_streamEndsWhenTheSessionDoes() throws Exception {
        try (ConsoleHarness kanal = new ConsoleHarness(dataDir, new MutableClock(Instant.parse("2026-11-23T03:00:00Z")),
                Map.of())) {
            ConsoleHarness.Client agent = kanal.login("admin", ConsoleHarness.ADMIN_PASSWORD);
            BufferedReader lines = lines(kanal.events(agent));
            assertEquals("event:hello", next(lines, "event:"));
            assertEquals(200, agent.post("/logout", Map.of()).statusCode());
            // The next keep-alive finds no session and closes the stream: readLine reaches its end.
            String line;
            while ((line = lines.readLine()) != null) {
                assertTrue(!line.startsWith("event:changed") && !line.startsWith("event: changed"), line);
            }
        }
    }

    /** Issue 13, item 10: a stream used to outlive its logout as long as events kept it busy (it checked only when idle). */
    @Test
    void events_busyStream_endsAtLogout_whileResidentsKeepWriting() throws Exception {
        try (ConsoleHarness kanal = new ConsoleHarness(dataDir, new MutableClock(Instant.parse("2026-11-23T03:00:00Z")),
                Map.of())) {
            kanal.resident(Channel.SMS, "+6281234500088", "petugas");
            ConsoleHarness.Client agent = kanal.login("admin", ConsoleHarness.ADMIN_PASSWORD);
            BufferedReader lines = lines(kanal.events(agent));
            assertEquals("event:hello", next(lines, "event:"));
            AtomicBoolean ended = new AtomicBoolean();
            // A resident in the queue keeps writing, faster than the keep-alive: the stream is never idle.
            Thread writer = Thread.ofVirtual().start(() -> {
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                for (int i = 0; !ended.get() && System.nanoTime() < deadline; i++) {
                    kanal.resident(Channel.SMS, "+6281234500088", "halo " + i);
                    LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
                }
            });
            assertEquals("event:changed", next(lines, "event:changed"), "the stream is busy before the logout");
            assertEquals(200, agent.post("/logout", Map.of()).statusCode());
            long loggedOut = System.nanoTime();
            while (lines.readLine() != null) {
                // Events already on their way may still arrive; the stream must then end.
                assertTrue(System.nanoTime() - loggedOut < Duration.ofSeconds(10).toNanos(), "still streaming after logout");
            }
            ended.set(true);
            writer.join();
            assertTrue(Duration.ofNanos(System.nanoTime() - loggedOut).compareTo(Duration.ofSeconds(5)) < 0,
                    "the stream ended with its session");
        }
    }

    @Test
    void demoMode_simulatorIsPublic_andItsInboxOnlyOpensForSimulatedResidents() throws Exception {
        try (ConsoleHarness kanal = new ConsoleHarness(dataDir, new MutableClock(Instant.parse("2026-11-23T03:00:00Z")),
                Map.of("KANAL_DEMO", "true"))) {
            ConsoleHarness.Client anyone = kanal.client();
            HttpResponse<String> res = anyone.post("/simulator", Map.of("channel", "ussd", "from", "081200000055", "text", ""));
            assertEquals(200, res.statusCode(), res.body());
            assertEquals(401, anyone.get("/queue").statusCode(), "demo mode opens the simulator only");
            assertEquals(200, anyone.get("/simulator/inbox?channel=ussd&from=081200000055&after=0").statusCode());
            kanal.resident(Channel.SMS, "+6281234500099", "halo");
            assertEquals("[]", anyone.get("/simulator/inbox?channel=sms&from=%2B6281234500099&after=0").body());
        }
    }

    private static BufferedReader lines(HttpResponse<InputStream> stream) {
        return new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
    }

    private static String next(BufferedReader lines, String prefix) throws Exception {
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.replace(": ", ":").startsWith(prefix)) {
                return line.replace(": ", ":");
            }
        }
        throw new AssertionError("stream ended before " + prefix);
    }
}
