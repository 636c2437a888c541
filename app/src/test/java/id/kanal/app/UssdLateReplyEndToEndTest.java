package id.kanal.app;

import id.kanal.channels.testing.LogCapture;
import id.kanal.store.ussd.SqlUssdPendingTurns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
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
    private KanalHarness harness;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        harness = KanalHarness.sendingThroughFakeTwilio(dataDir,
                Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC), Map.of("KANAL_USSD_ALLOWED_IPS", "127.0.0.1/32, ::1"));
    }

    @AfterEach
    void stop() {
        harness.close();
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
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> harness.kanal().database().inTransaction(c -> {
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
            harness.kanal().outbox().wake();
            assertTrue(harness.twilio().awaitAccepted(1, Duration.ofSeconds(10)));
            LogCapture.await(() -> pendingRows() == 0 || outboxRows() >= 2, Duration.ofSeconds(10), "the outbox to drain");
        }
        assertEquals(1, outboxRows(), "one SMS for one complaint: the receipt, not also the late reply");
        List<Map<String, String>> sent = harness.twilio().accepted();
        assertEquals(1, sent.size(), "one SMS for one complaint: " + sent);
        assertEquals(PHONE, sent.getFirst().get("To"));
        assertTrue(sent.getFirst().get("Body").matches("(?s).*TNG-\\d{6}.*"), sent.getFirst().get("Body"));
        assertEquals(0, harness.count("SELECT COUNT(*) FROM ussd_pending_turn"), "the finished turn is no longer held");
    }

    /** Issue 13, item 8: a turn the gateway heard END for, left unfinished by a stop, runs at the next start. */
    @Test
    void turnHeldWhenKanalStopped_runsAtTheNextStart_replyBySms() {
        // As a crash leaves it: held before the END went out, the turn never committed.
        new SqlUssdPendingTurns(harness.kanal().database()).hold(new SqlUssdPendingTurns.PendingTurn(SESSION + ":0", PHONE, "MENU",
                harness.kanal().clock().instant()));
        harness.kanal().channels().start();
        assertEquals(0, harness.count("SELECT COUNT(*) FROM ussd_pending_turn"));
        assertEquals(1, harness.count("SELECT COUNT(*) FROM transcript WHERE provider_id = '" + SESSION + ":0'"),
                "the turn ran and is recorded");
        assertEquals(1, harness.count("SELECT COUNT(*) FROM outbox WHERE kind = 'ussd-reply' AND channel = 'sms'"),
                "its reply follows by SMS");
        harness.kanal().channels().start();
        assertEquals(1, harness.count("SELECT COUNT(*) FROM outbox"), "once");
    }

    private int outboxRows() {
        return harness.count("SELECT COUNT(*) FROM outbox");
    }

    private int pendingRows() {
        return harness.count("SELECT COUNT(*) FROM outbox WHERE status IN ('PENDING', 'SENDING')");
    }

    private String ussd(String text) throws Exception {
        HttpResponse<String> res = http.send(request(text), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, res.statusCode(), res.body());
        return res.body();
    }

    private HttpRequest request(String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("sessionId", SESSION);
        form.put("serviceCode", "*384*1234#");
        form.put("phoneNumber", PHONE);
        form.put("networkCode", "51010");
        form.put("text", text);
        return harness.formRequest("/channels/ussd", form).build();
    }
}
