package id.kanal.app;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Health while the database does and does not answer; a shutdown that lets requests in flight finish. */
class ServerLifecycleTest extends KanalOnServer {
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    
    @Test
    void health_answers503WhenTheDatabaseDoesNotAnswer() throws Exception {
        assertEquals(200, kanal.get("/observe/health").statusCode());
        kanal.kanal().database().close();
        HttpResponse<String> res = kanal.get("/observe/health");
        assertEquals(503, res.statusCode(), res.body());
        assertTrue(res.body().contains("\"status\":\"DOWN\""), res.body());
    }

    @Test
    void stop_letsTheRequestInFlightFinish_refusesNewOnes_thenClosesTheDatabase() throws Exception {
        Map<String, String> form = KanalHarness.smsForm("SM-inflight", "+6281234567890", "halo");
        byte[] body = KanalHarness.encode(form).getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("localhost", kanal.port())) {
            OutputStream out = socket.getOutputStream();
            // Headers and the first bytes of the body: the request is inside the server, its handler waiting for the rest.
            out.write(("POST /channels/sms HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\n"
                    + "X-Twilio-Signature: " + KanalHarness.smsSignature(form) + "\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 10);
            out.flush();
            KanalServer server = kanal.server();
            waitUntil(() -> server.inFlight().count() == 1);

            Thread stopping = Thread.ofPlatform().start(kanal::stop); // what SIGTERM's hook does
            waitUntil(() -> server.inFlight().draining());
            assertEquals(503, kanal.get("/observe/health").statusCode(), "a new request while draining");
            assertTrue(stopping.isAlive(), "the stop waits for the request in flight");

            out.write(body, 10, body.length - 10);
            out.flush();
            String response = read(socket.getInputStream());
            assertTrue(response.startsWith("HTTP/1.1 200"), response);
            assertTrue(response.contains("<Message>Halo!"), response);

            stopping.join(DEADLINE.toMillis());
            assertFalse(stopping.isAlive());
            assertFalse(kanal.kanal().database().ping(), "the database is closed after the server");
        }
        // The message and its reply were committed before the reply was written: a restart finds them.
        kanal.start();
        assertEquals(1, kanal.count("SELECT COUNT(*) FROM transcript WHERE provider_id = 'SM-inflight'"));
    }

    private static String read(InputStream in) throws Exception {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void waitUntil(BooleanSupplier condition) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within " + DEADLINE);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}
