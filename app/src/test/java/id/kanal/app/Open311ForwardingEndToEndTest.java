package id.kanal.app;

import com.sun.net.httpserver.HttpServer;
import id.kanal.dialog.port.ComplaintStatus;
import id.kanal.services.open311.Open311Forwarder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** KANAL_OPEN311_ENDPOINT set: an SMS complaint reaches a fake external desk, and its closing reaches the resident. */
class Open311ForwardingEndToEndTest {
    private static final String RESIDENT = "+6281234567890";

    @TempDir
    Path dataDir;
    private HttpServer fake;
    private KanalHarness kanal;
    private final List<String> posts = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failuresLeft = new AtomicInteger(1);

    @BeforeEach
    void start() throws IOException {
        fake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        fake.createContext("/v2/requests.json", ex -> {
            String answer;
            int code = 200;
            if ("POST".equals(ex.getRequestMethod())) {
                posts.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                code = failuresLeft.getAndDecrement() > 0 ? 500 : 200;
                answer = code == 500 ? "[{\"code\":500,\"description\":\"down\"}]"
                        : "[{\"service_request_id\":\"311-77\",\"service_notice\":null,\"account_id\":null}]";
            } else {
                answer = "[{\"service_request_id\":\"311-77\",\"status\":\"closed\",\"status_notes\":\"Sampah sudah diangkut\"}]";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(code, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        fake.start();
        kanal = new KanalHarness(dataDir, Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC), Map.of(
                "KANAL_OPEN311_ENDPOINT", "http://127.0.0.1:" + fake.getAddress().getPort() + "/v2",
                "KANAL_OPEN311_CLIENT_API_KEY", "kanal-key"));
    }

    @AfterEach
    void stop() {
        kanal.close();
        fake.stop(0);
    }

    @Test
    void smsComplaint_forwardedAfterAFailure_closedRemotely_residentToldBySms() throws Exception {
        int sid = 0;
        for (String text : List.of("lapor sampah", "Jl. Merdeka 5", "Sampah tidak diangkut seminggu")) {
            kanal.sms("SM" + ++sid, RESIDENT, text);
        }
        Matcher m = Pattern.compile("TNG-\\d{6}").matcher(KanalHarness.replyText(kanal.sms("SM9", RESIDENT, "ya")));
        assertTrue(m.find());
        String ticket = m.group();
        Open311Forwarder forwarder = kanal.kanal().open311Forwarder().orElseThrow();

        // The clock is fixed, so the failed attempt's backoff never ends: this proves the failure is durable.
        forwarder.forwardOnce();
        assertEquals(1, posts.size());
        assertTrue(posts.getFirst().contains("api_key=kanal-key"), posts.getFirst());
        assertTrue(posts.getFirst().contains("service_code=sampah"), posts.getFirst());
        kanal.kanal().database().inTransaction(c -> c.createStatement()
                .executeUpdate("UPDATE complaint SET forward_next_at = 0 WHERE ticket = '" + ticket + "'"));
        assertEquals(1, forwarder.forwardOnce());
        assertEquals(1, forwarder.pollOnce());

        assertEquals(ComplaintStatus.RESOLVED, kanal.kanal().complaints().find(ticket).orElseThrow().status());
        List<String> outbox = kanal.kanal().database().read(c -> {
            List<String> out = new ArrayList<>();
            try (var rs = c.createStatement().executeQuery("SELECT channel, address, body FROM outbox")) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
            return out;
        });
        assertEquals(1, outbox.size(), outbox.toString());
        assertTrue(outbox.getFirst().startsWith("sms " + RESIDENT + " Laporan " + ticket
                + " (Sampah) sudah selesai ditangani Dinas Lingkungan Hidup. Catatan: Sampah sudah diangkut"), outbox.getFirst());
    }
}
