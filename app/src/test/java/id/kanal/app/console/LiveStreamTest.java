package id.kanal.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import id.kanal.dialog.Channel;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The LIVE Room board's event stream ({@code /live/{region}/events}): the board at once, then each
 * change of the figures (computed at most once per 10 s and shared), heartbeat comments while
 * nothing changes, a limit on open streams per node (503 with the reason beyond it), and a stop
 * of the server that does not wait on open streams.
 */
class LiveStreamTest extends ConsoleOnServer {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newHttpClient();

    LiveStreamTest() {
        super(MONDAY, Map.of("kanal.live.heartbeat", "PT0.3S", "kanal.live.max-streams", "2"));
    }

    @Test
    void stream_sendsTheBoard_thenANewComplaintsChange_andHeartbeatsBetween() throws Exception {
        try (EventStream stream = EventStream.open(http, kanal.base() + "/live/kota-tangerang/events")) {
            HttpResponse<?> res = stream.response();
            assertEquals(200, res.statusCode());
            assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            assertEquals("*", res.headers().firstValue("Access-Control-Allow-Origin").orElse(""), "open data");
            JsonNode first = board(stream);
            assertEquals("kota-tangerang", first.get("region").asText());
            assertEquals(0, first.get("total").get("notYetHandled").asLong());

            kanal.fileComplaint("+6281355550001", "lapor sampah", "Jl. Kenari 12", "Sampah tidak diangkut");
            // While the cached figures stand (the clock has not moved) nothing new is sent: heartbeats.
            EventStream.Event e;
            while (!(e = stream.next(WAIT)).isComment()) {
                assertEquals(0, ConsoleHarness.JSON.readTree(e.data()).get("total").get("notYetHandled").asLong(),
                        "only the figures of before, until they expire");
            }
            assertEquals("heartbeat", e.data());
            clock.advance(Duration.ofSeconds(10)); // the cached figures expire: the next look recounts
            JsonNode changed = board(stream);
            while (changed.get("total").get("notYetHandled").asLong() == 0) {
                changed = board(stream); // the feeder's first look may have sent the first figures again
            }
            assertEquals(1, changed.get("total").get("notYetHandled").asLong());
            assertTrue(changed.get("generatedAt").asLong() > first.get("generatedAt").asLong());
        }
    }

    @Test
    void streams_areLimitedPerNode_refusedWith503AndTheReason_andUnknownRegionIs404() throws Exception {
        try (EventStream a = EventStream.open(http, kanal.base() + "/live/kota-tangerang/events");
             EventStream b = EventStream.open(http, kanal.base() + "/live/kota-tangerang/events")) {
            board(a);
            board(b);
            // Read whole, not as an EventStream: its reader thread would consume (and close) the refusal's body.
            java.net.http.HttpResponse<String> c = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(kanal.base() + "/live/kota-tangerang/events")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(503, c.statusCode());
            assertTrue(c.body().contains("/live/kota-tangerang.json every 30 seconds"), "says what to do instead");
            assertTrue(c.headers().firstValue("Retry-After").isPresent());
        }
        try (EventStream missing = EventStream.open(http, kanal.base() + "/live/atlantis/events")) {
            assertEquals(404, missing.response().statusCode());
        }
    }

    @Test
    void serverStop_endsOpenStreams_withoutWaitingForThem() throws Exception {
        try (EventStream stream = EventStream.open(http, kanal.base() + "/live/kota-tangerang/events")) {
            board(stream);
            long start = System.nanoTime();
            kanal.close();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "the stop waited on the stream: " + took);
            assertTrue(stream.ends(WAIT), "the stream ended with the server");
        }
        kanal = new ConsoleHarness(dataDir, clock, Map.of()); // closed again after the test
    }

    private static JsonNode board(EventStream stream) throws Exception {
        return ConsoleHarness.JSON.readTree(stream.next("board", WAIT).data());
    }
}
