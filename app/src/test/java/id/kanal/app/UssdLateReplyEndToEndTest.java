package id.kanal.app;

import id.kanal.channels.testing.LogCapture;
import id.kanal.channels.twilio.FakeTwilio;
import id.kanal.store.ussd.SqlUssdPendingTurns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A complaint filed in a USSD turn slower than the deadline: the gateway gets END at once, the
 * turn finishes later, and the resident gets one SMS (the desk's receipt with the ticket), not
 * the receipt and the late reply saying the same thing. Real wiring: routes, dialog, SQLite,
 * outbox, Twilio SDK against a fake Twilio.
 */
class UssdLateReplyEndToEndTest {
    private static final String PHONE = "+6281234567890";
    private static final String SESSION = "ATUid_slow1";

    @TempDir
    Path dataDir;
    private FakeTwilio twilio;
    private Kanal kanal;
    private KanalServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        twilio = new FakeTwilio();
        Settings settings = KanalHarness.withFakeTwilio(dataDir, twilio, "https://kanal.test",
                Map.of("KANAL_USSD_ALLOWED_IPS", "127.0.0.1/32, ::1"));
        kanal = Kanal.open(settings, Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC));
        server = KanalServer.start(kanal);
        kanal.outbox().start();
    }

    @AfterEach
    void stop() {
        server.close();
        kanal.close();
        twilio.close();
    }

    @Test
    void complaintFiledInASlowTurn_residentGetsOneSms_theReceipt() throws Exception {
        String text = "";
        for (String input : List.of("1", "1", "Jl Merdeka No 12 RT 03 RW 05 Sukasari", "Jalan berlubang besar")) {
            text = text.isEmpty() ? input : text + "*" + input;
            String screen = ussd(text);
            while (screen.endsWith("\n98 Lanjut")) {
                text = text + "*98";
                screen = ussd(text);
            }
        }
        try (LogCapture flow = new LogCapture("id.kanal.channels.ussd.UssdFlow")) {
            // Slow the filing turn: hold the database's writer until the turn has run past its deadline.
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> kanal.database().inTransaction(c -> {
                holding.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            assertTrue(holding.await(5, TimeUnit.SECONDS));
            String confirmed = text + "*YA";
            CompletableFuture<HttpResponse<String>> answer = http.sendAsync(request(confirmed),
                    HttpResponse.BodyHandlers.ofString());
            LogCapture.await(() -> flow.contains("slow turn channel=ussd"), Duration.ofSeconds(10), "the USSD deadline");
            release.countDown();
            writer.get(5, TimeUnit.SECONDS);
            assertEquals("END Permintaan Anda sedang diproses. Jawabannya akan kami kirim lewat SMS.",
                    answer.get(10, TimeUnit.SECONDS).body());

            // The late turn filed the complaint; its reply is either skipped (logged) or queued.
            LogCapture.await(() -> flow.contains("late reply not sent") || flow.contains("late reply queued")
                    || outboxRows() >= 2, Duration.ofSeconds(10), "the late reply's fate");
            kanal.outbox().wake();
            assertTrue(twilio.awaitAccepted(1, Duration.ofSeconds(10)));
            LogCapture.await(() -> pendingRows() == 0 || outboxRows() >= 2, Duration.ofSeconds(10), "the outbox to drain");
        }
        assertEquals(1, outboxRows(), "one SMS for one complaint: the receipt, not also the late reply");
        List<Map<String, String>> sent = twilio.accepted();
        assertEquals(1, sent.size(), "one SMS for one complaint: " + sent);
        assertEquals(PHONE, sent.getFirst().get("To"));
        assertTrue(sent.getFirst().get("Body").matches("(?s).*TNG-\\d{6}.*"), sent.getFirst().get("Body"));
        assertEquals(0, count("SELECT COUNT(*) FROM ussd_pending_turn"), "the finished turn is no longer held");
    }

    /** Issue 13, item 8: a turn the gateway heard END for, left unfinished by a stop, runs at the next start. */
    @Test
    void turnHeldWhenKanalStopped_runsAtTheNextStart_replyBySms() {
        // As a crash leaves it: held before the END went out, the turn never committed.
        new SqlUssdPendingTurns(kanal.database()).hold(new SqlUssdPendingTurns.PendingTurn(SESSION + ":0", PHONE, "MENU",
                kanal.clock().instant()));
        kanal.channels().resumeUssdTurns();
        assertEquals(0, count("SELECT COUNT(*) FROM ussd_pending_turn"));
        assertEquals(1, count("SELECT COUNT(*) FROM inbound_message WHERE provider_id = '" + SESSION + ":0'"),
                "the turn ran and is recorded");
        assertEquals(1, count("SELECT COUNT(*) FROM outbox WHERE kind = 'ussd-reply' AND channel = 'sms'"),
                "its reply follows by SMS");
        kanal.channels().resumeUssdTurns();
        assertEquals(1, count("SELECT COUNT(*) FROM outbox"), "once");
    }

    private int outboxRows() {
        return count("SELECT COUNT(*) FROM outbox");
    }

    private int pendingRows() {
        return count("SELECT COUNT(*) FROM outbox WHERE status IN ('PENDING', 'SENDING')");
    }

    private int count(String sql) {
        return kanal.database().read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private String ussd(String text) throws Exception {
        HttpResponse<String> res = http.send(request(text), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, res.statusCode(), res.body());
        return res.body();
    }

    private HttpRequest request(String text) {
        String form = "sessionId=" + SESSION + "&serviceCode=" + enc("*384*1234#") + "&phoneNumber=" + enc(PHONE)
                + "&networkCode=51010&text=" + enc(text);
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/channels/ussd"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
