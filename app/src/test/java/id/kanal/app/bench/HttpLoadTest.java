package id.kanal.app.bench;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpLoadTest {
    @Test
    void parse_findsContentLengthAndChunkedAnswersBackToBack() {
        byte[] bytes = ("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"
                + "HTTP/1.1 413 Payload Too Large\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\n0\r\n\r\n"
                + "HTTP/1.1 204 No Content\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        int at = 0;
        for (int status : new int[] {200, 413, 204}) {
            byte[] rest = java.util.Arrays.copyOfRange(bytes, at, bytes.length);
            HttpResponses.Answer answer = HttpResponses.parse(rest, rest.length);
            assertEquals(status, answer.status());
            at += answer.length();
        }
        assertEquals(bytes.length, at);
    }

    @Test
    void parse_waitsForTheWholeAnswer_whateverByteTheReadStoppedAt() {
        byte[] chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] sized = "HTTP/1.1 200 OK\r\ncontent-length: 3\r\n\r\nabc".getBytes(StandardCharsets.US_ASCII);
        for (byte[] answer : List.of(chunked, sized)) {
            for (int read = 0; read < answer.length; read++) {
                assertNull(HttpResponses.parse(answer, read), "complete after " + read + " of " + answer.length);
            }
            assertEquals(answer.length, HttpResponses.parse(answer, answer.length).length());
        }
    }

    @Test
    void parse_refusesWhatIsNotAnHttpAnswer() {
        byte[] bytes = "SSH-2.0-OpenSSH\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThrows(IllegalArgumentException.class, () -> HttpResponses.parse(bytes, bytes.length));
    }

    @Test
    void run_countsAClosedConnectionAsAnError_andTheOthersGoOn() throws Exception {
        try (ServerSocket server = okServer()) {
            AtomicInteger asked = new AtomicInteger();
            // connection 3's fifth request is refused by the server (closed), the other four keep going
            HttpLoad.Requests requests = (connection, n) -> {
                asked.incrementAndGet();
                return connection == 3 && n == 4 ? CLOSE : GET;
            };
            LoadResult r = HttpLoad.run(server.getLocalPort(), 5, new Warmup(Duration.ZERO, Duration.ZERO),
                    Duration.ofMillis(300), requests, ALWAYS_WARM);
            assertEquals(1, r.errors());
            assertTrue(r.requests() > 20, "answers measured: " + r.requests());
            assertTrue(asked.get() >= r.requests());
        }
    }

    @Test
    void run_measuresOnceTheServerIsWarm_andSaysHowLongTheWarmUpLasted() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        AtomicInteger measuring = new AtomicInteger();
        HttpLoad.Phases warmOnSecondPoll = new HttpLoad.Phases() {
            @Override
            public boolean warm() {
                return polls.incrementAndGet() >= 2;
            }

            @Override
            public void measuring() {
                measuring.incrementAndGet();
            }
        };
        try (ServerSocket server = okServer()) {
            LoadResult r = HttpLoad.run(server.getLocalPort(), 2, new Warmup(Duration.ZERO, Duration.ofSeconds(30)),
                    Duration.ofMillis(300), (connection, n) -> GET, warmOnSecondPoll);
            assertEquals(2, polls.get());
            assertEquals(1, measuring.get());
            // one poll a second after the first that said "not yet"
            assertTrue(r.warmedUp().compareTo(Duration.ofSeconds(1)) >= 0, r.warmedUp().toString());
            assertTrue(r.warmedUp().compareTo(Duration.ofSeconds(30)) < 0, r.warmedUp().toString());
            assertTrue(r.requests() > 0);
            assertEquals(0, r.errors());
        }
    }

    @Test
    void run_stopsWarmingAtTheLongestWarmUp_evenWhenTheServerNeverSettles() throws Exception {
        HttpLoad.Phases never = new HttpLoad.Phases() {
            @Override
            public boolean warm() {
                return false;
            }

            @Override
            public void measuring() {
            }
        };
        try (ServerSocket server = okServer()) {
            LoadResult r = HttpLoad.run(server.getLocalPort(), 1, new Warmup(Duration.ofMillis(200), Duration.ofMillis(200)),
                    Duration.ofMillis(200), (connection, n) -> GET, never);
            assertTrue(r.warmedUp().compareTo(Duration.ofMillis(200)) >= 0, r.warmedUp().toString());
            assertTrue(r.warmedUp().compareTo(Duration.ofSeconds(1)) < 0, "no poll after the longest warm-up: " + r.warmedUp());
            assertTrue(r.requests() > 0);
        }
    }

    @Test
    void run_keepsEachKindsLatencies_apart() throws Exception {
        HttpLoad.Requests twoKinds = new HttpLoad.Requests() {
            @Override
            public byte[] request(int connection, long n) {
                return GET;
            }

            @Override
            public int kind(int connection, long n) {
                return (int) (n % 3 == 0 ? 1 : 0); // a third of the requests are kind 1
            }
        };
        try (ServerSocket server = okServer()) {
            LoadResult r = HttpLoad.run(server.getLocalPort(), 2, new Warmup(Duration.ZERO, Duration.ZERO),
                    Duration.ofMillis(300), twoKinds, new HttpLoad.Phases() {
                        @Override
                        public boolean warm() {
                            return true;
                        }

                        @Override
                        public void measuring() {
                        }
                    });
            assertEquals(2, r.byKind().size());
            long kind0 = r.byKind().get(0).length;
            long kind1 = r.byKind().get(1).length;
            assertEquals(r.requests(), kind0 + kind1);
            // each connection's requests 0, 1, 2, 3...: kind 1 is every third, give or take one a connection
            assertTrue(Math.abs(kind0 - 2 * kind1) <= 4, kind0 + " against " + kind1);
            assertTrue(r.percentileMillis(1, 99) > 0);
            assertEquals(0, r.percentileMillis(2, 99));
        }
    }

    @Test
    void warmup_refusesALongestShorterThanTheShortest() {
        assertThrows(IllegalArgumentException.class, () -> new Warmup(Duration.ofSeconds(10), Duration.ofSeconds(5)));
    }

    private static final byte[] GET = "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    /** okServer closes the connection instead of answering it. */
    private static final byte[] CLOSE = "GET /close HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private static final HttpLoad.Phases ALWAYS_WARM = new HttpLoad.Phases() {
        @Override
        public boolean warm() {
            return true;
        }

        @Override
        public void measuring() {
        }
    };

    /** Answers every request on every connection with an empty 200, until closed. */
    private static ServerSocket okServer() throws IOException {
        ServerSocket server = new ServerSocket(0);
        Thread.ofPlatform().daemon().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread.ofPlatform().daemon().start(() -> answer(s));
                } catch (IOException closed) {
                    return;
                }
            }
        });
        return server;
    }

    private static void answer(Socket s) {
        try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))) {
            OutputStream out = s.getOutputStream();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("GET /close ")) {
                    return;
                }
                if (line.isEmpty()) {
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            }
        } catch (IOException gone) {
            // the load generator closed its connection
        }
    }

    @Test
    void percentiles_areTakenFromTheSortedLatencies() {
        long[] nanos = new long[1000];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = (i + 1) * 1_000_000L;
        }
        LoadResult r = new LoadResult(nanos, java.util.List.of(nanos), Duration.ofSeconds(2), Duration.ofSeconds(10), 0);
        assertEquals(500, r.perSecond());
        assertEquals(500.0, r.percentileMillis(50));
        assertEquals(990.0, r.percentileMillis(99));
        assertEquals(999.0, r.percentileMillis(99.9));
    }

    @Test
    void twilioSignature_matchesTwilioDocumentedExample() {
        // The example of https://www.twilio.com/docs/usage/webhooks/webhooks-security
        Map<String, String> params = Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+12349013030",
                "Digits", "1234", "From", "+12349013030", "To", "+18005551212");
        assertEquals("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", id.kanal.channels.twilio.TwilioSigner.sign("12345",
                "https://mycompany.com/myapp.php?foo=1&bar=2", params));
    }
}
