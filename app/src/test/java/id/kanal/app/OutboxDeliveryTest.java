package id.kanal.app;

import id.kanal.dialog.testing.MutableClock;

import id.kanal.channels.outbox.OutboxPolicy;
import id.kanal.channels.outbox.OutboxSender;
import id.kanal.channels.outbox.RateLimit;
import id.kanal.channels.outbox.OutboxHeldReplies;
import id.kanal.channels.telegram.FakeBotApi;
import id.kanal.channels.telegram.TelegramBot;
import id.kanal.channels.telegram.TelegramConfig;
import id.kanal.channels.telegram.TelegramSender;
import id.kanal.channels.twilio.FakeTwilio;
import id.kanal.channels.twilio.FakeTwilio.Fault;
import id.kanal.channels.twilio.TwilioSender;
import id.kanal.channels.twilio.TwilioSenderConfig;
import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.port.OutboundMessage;
import id.kanal.store.Database;
import id.kanal.store.Outbox;
import id.kanal.store.Residents;
import id.kanal.store.SqlOutboxQueue;
import id.kanal.store.SqlResidentRegistry;
import id.kanal.store.testing.TestDatabase;
import id.kanal.store.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The outbox on a real SQLite database, sending through the real Twilio SDK to a fake Twilio on
 * loopback that fails, throttles and times out. Time is a hand-moved clock: no test sleeps.
 */
@ExtendWith(TestDatabases.class)
class OutboxDeliveryTest {
    private static final Instant START = Instant.parse("2026-11-22T03:00:00Z");
    private static final String RESIDENT = "+6281234567890";
    private static final Set<Channel> TWILIO = EnumSet.of(Channel.SMS, Channel.USSD, Channel.WHATSAPP);
    /**
     * Short, so a fake that never answers costs the suite a second, not the production 10-15 s; not
     * shorter, so a loaded machine's slow but real answer is not taken for a timeout (and sent twice).
     */
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    @TempDir
    Path dataDir;
    /** SQLite in the data directory, or PostgreSQL in OutboxDeliveryOnPostgresTest. */
    private TestDatabase database;
    private Database db;
    private FakeTwilio twilio;
    private final MutableClock clock = new MutableClock(START);
    private SqlOutboxQueue queue;
    private SqlResidentRegistry residents;
    private final List<OutboxSender> senders = new ArrayList<>();

    @BeforeEach
    void open(TestDatabase database) {
        this.database = database;
        twilio = new FakeTwilio();
        openDatabase();
    }

    private void openDatabase() {
        db = database.open(dataDir, 4);
        queue = new SqlOutboxQueue(db);
        residents = new SqlResidentRegistry(db);
    }

    @AfterEach
    void close() {
        senders.forEach(OutboxSender::close);
        db.close();
        twilio.close();
    }

    private OutboxSender sender(Map<Channel, RateLimit> rates) {
        TwilioSender twilioSender = new TwilioSender(new TwilioSenderConfig(FakeTwilio.ACCOUNT_SID, FakeTwilio.AUTH_TOKEN,
                Optional.of(twilio.url()), Optional.of("+6221500999"), Optional.of("+6221500123"),
                Optional.of("HX0000000000000000000000000000abcd"), Optional.empty(), TIMEOUT), residents, clock);
        OutboxSender s = new OutboxSender(queue, residents, List.of(twilioSender), new OutboxPolicy(Duration.ofSeconds(60), 10,
                Duration.ofSeconds(5), Duration.ofMinutes(15), 8, Duration.ofSeconds(1), rates), clock);
        senders.add(s);
        return s;
    }

    private OutboxSender sender() {
        return sender(Map.of());
    }

    private String enqueue(Channel channel, String to, String body, int priority) {
        return db.inTransaction(c -> Outbox.enqueue(c, new OutboundMessage(new Address(channel, to), body,
                priority == OutboundMessage.REPLY ? "agent-reply" : "status-change", priority, Optional.empty()),
                clock.instant()));
    }

    private Map<String, Object> row(String id) {
        return queue.row(id).orElseThrow();
    }

    /** Drains, moving the clock to each next due time, until the outbox has nothing left to send. */
    private void deliverAll(OutboxSender s) {
        deliverAll(s, TWILIO);
    }

    private void deliverAll(OutboxSender s, Set<Channel> channels) {
        for (int round = 0; round < 100; round++) {
            s.drainOnce();
            Optional<Instant> next = queue.nextDue(channels);
            if (next.isEmpty()) {
                return;
            }
            if (next.get().isAfter(clock.instant())) {
                clock.set(next.get());
            }
        }
        fail("outbox not drained after 100 rounds");
    }

    private List<String> acceptedBodies() {
        return twilio.accepted().stream().map(f -> f.getOrDefault("Body", f.get("ContentVariables"))).toList();
    }

    @Test
    void send_twilio500Then201_deliversOnce() {
        twilio.then(Fault.serverError());
        String id = enqueue(Channel.SMS, RESIDENT, "Laporan TNG-000001 sedang dikerjakan", OutboundMessage.BULK);
        OutboxSender s = sender();

        s.drainOnce();
        assertEquals("PENDING", row(id).get("status"));
        assertEquals(1, ((Number) row(id).get("attempts")).intValue());
        assertTrue(String.valueOf(row(id).get("last_error")).contains("500"), row(id).toString());
        assertEquals(START.plusSeconds(5).toEpochMilli(), ((Number) row(id).get("next_attempt_at")).longValue());
        s.drainOnce();
        assertEquals(1, twilio.calls(), "not due again before its backoff");

        clock.advance(Duration.ofSeconds(5));
        s.drainOnce();
        assertEquals("SENT", row(id).get("status"));
        assertEquals("SM00000000000000000000000000000001", row(id).get("provider_id"));
        assertEquals(List.of(Map.of("From", "+6221500999", "To", RESIDENT, "Body", "Laporan TNG-000001 sedang dikerjakan")),
                twilio.accepted());
    }

    @Test
    void send_500s429AndTimeout_everyMessageArrivesExactlyOnce() {
        twilio.then(Fault.serverError(), new Fault.TooManyRequests(30), new Fault.Timeout(),
                new Fault.Status(503, 20503, "Service Unavailable"), Fault.serverError());
        residents.whatsAppInbound(new Address(Channel.WHATSAPP, "+6285711112222"), Optional.of("Budi"), START);
        List<String> ids = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String body = "Pesan " + i;
            bodies.add(body);
            ids.add(i % 2 == 0 ? enqueue(Channel.SMS, "+62812000000" + i, body, OutboundMessage.BULK)
                    : enqueue(Channel.WHATSAPP, "+6285711112222", body, OutboundMessage.REPLY));
        }
        deliverAll(sender());

        assertEquals(bodies.stream().sorted().toList(), acceptedBodies().stream().sorted().toList());
        assertEquals(6 + 5, twilio.calls());
        for (String id : ids) {
            assertEquals("SENT", row(id).get("status"), row(id).toString());
        }
        // WhatsApp inside the window goes free-form from the WhatsApp number.
        assertTrue(twilio.accepted().stream().filter(f -> f.get("To").startsWith("whatsapp:"))
                .allMatch(f -> f.get("From").equals("whatsapp:+6221500123") && f.containsKey("Body")));
    }

    /**
     * Issue 13, item 8: the webhook's reply was sent after the 200, so dying in between lost it.
     * Now it is held in the outbox before the 200: the bot's own send marks it sent, and if the bot
     * never sends (it died), the outbox delivers it once the bot's claim runs out, exactly once.
     */
    @Test
    void telegram_heldReply_sentByTheBot_orByTheOutboxWhenTheBotDiedFirst() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            TelegramConfig config = new TelegramConfig(Optional.of("123456:TEST-TOKEN"), Optional.empty(), api.url(),
                    TelegramConfig.Mode.WEBHOOK);
            Duration lease = Duration.ofSeconds(45);
            java.util.function.Supplier<TelegramBot> restart = () -> TelegramBot.create(config,
                    m -> id.kanal.dialog.Reply.of("Balasan untuk " + m.text()), (e164, chat) -> { },
                    a -> Optional.empty(), m -> fail("nothing goes to the outbox but the held row"),
                    new OutboxHeldReplies(queue, queue::hold, lease, () -> { }), clock);
            OutboxSender outbox = new OutboxSender(queue, residents, List.of(TelegramSender.create(config, TIMEOUT)),
                    new OutboxPolicy(Duration.ofSeconds(60), 10, Duration.ofSeconds(5), Duration.ofMinutes(15), 8,
                            Duration.ofSeconds(1), Map.of()), clock);
            senders.add(outbox);

            TelegramBot bot = restart.get();
            bot.accept(update(9001, "halo")).ifPresent(bot::deliver);
            assertEquals("SENT", row("telegram-reply:700000009:9001").get("status"), "the bot's own send is recorded");

            // The turn and its held reply committed, then Kanal died before sending (no deliver).
            bot.accept(update(9002, "harga cabai"));
            outbox.drainOnce();
            assertEquals(1, api.delivered().size(), "the bot's claim holds the outbox back");
            // Restarted, Telegram retries the update (no 200 came): nothing is sent twice.
            TelegramBot restarted = restart.get();
            restarted.accept(update(9002, "harga cabai")).ifPresent(restarted::deliver);
            assertEquals(1, api.delivered().size());
            clock.advance(lease);
            outbox.drainOnce();
            clock.advance(Duration.ofMinutes(5));
            outbox.drainOnce();
            List<String> texts = api.delivered().stream().map(c -> c.body().get("text").asText()).toList();
            assertEquals(List.of("Balasan untuk halo", "Balasan untuk harga cabai"), texts);
        }
    }

    private static org.telegram.telegrambots.meta.api.objects.Update update(int id, String text) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .readValue("{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id + ",\"date\":1764000000,"
                        + "\"chat\":{\"id\":700000009,\"type\":\"private\"},\"from\":{\"id\":700000009,"
                        + "\"is_bot\":false,\"first_name\":\"Sari\"},\"text\":\"" + text + "\"}}",
                        org.telegram.telegrambots.meta.api.objects.Update.class);
    }

    @Test
    void telegram_500s429TimeoutAndBlocked_everyMessageArrivesExactlyOnce() {
        try (FakeBotApi bot = new FakeBotApi()) {
            bot.script("sendmessage", 500, "{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error\"}");
            bot.script("sendmessage", 429, "{\"ok\":false,\"error_code\":429,\"description\":"
                    + "\"Too Many Requests: retry after 7\",\"parameters\":{\"retry_after\":7}}");
            bot.hang("sendmessage");
            bot.script("sendmessage", 502, "<html><body>502 Bad Gateway</body></html>");
            String blocked = "700000003";
            String gone = "700000004";
            bot.blockedBy(blocked);
            bot.failFor(gone, 400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}");
            TelegramSender telegram = TelegramSender.create(new TelegramConfig(Optional.of("123456:TEST-TOKEN"),
                    Optional.empty(), bot.url(), TelegramConfig.Mode.POLLING), TIMEOUT);
            OutboxSender s = new OutboxSender(queue, residents, List.of(telegram), new OutboxPolicy(Duration.ofSeconds(60),
                    10, Duration.ofSeconds(5), Duration.ofMinutes(15), 8, Duration.ofSeconds(1),
                    Map.of(Channel.TELEGRAM, RateLimit.TELEGRAM)), clock);
            senders.add(s);
            Map<String, String> expected = new java.util.TreeMap<>();
            for (int i = 0; i < 6; i++) {
                String chat = "70000000" + (i % 3);
                String body = "Pesan " + i + " untuk " + chat;
                expected.put(body, chat);
                enqueue(Channel.TELEGRAM, chat, body, i % 2 == 0 ? OutboundMessage.BULK : OutboundMessage.REPLY);
            }
            String toBlocked = enqueue(Channel.TELEGRAM, blocked, "Laporan selesai", OutboundMessage.BULK);
            String toGone = enqueue(Channel.TELEGRAM, gone, "Laporan selesai", OutboundMessage.BULK);

            s.drainOnce();
            // The 429 row waits as long as Telegram said (7 s), not the 5 s backoff.
            List<Map<String, Object>> throttled = db.read(c -> {
                List<Map<String, Object>> out = new ArrayList<>();
                try (var rs = c.createStatement().executeQuery("SELECT id FROM outbox WHERE last_error LIKE '429%'")) {
                    while (rs.next()) {
                        out.add(queue.row(rs.getString(1)).orElseThrow());
                    }
                }
                return out;
            });
            assertEquals(1, throttled.size(), throttled.toString());
            assertEquals(START.plusSeconds(7).toEpochMilli(), ((Number) throttled.getFirst().get("next_attempt_at")).longValue());

            deliverAll(s, EnumSet.of(Channel.TELEGRAM));
            // Each message reached its chat exactly once, whatever failed on the way.
            Map<String, String> received = new java.util.TreeMap<>();
            for (FakeBotApi.Call call : bot.delivered()) {
                assertEquals(null, received.put(call.body().get("text").asText(), call.body().get("chat_id").asText()),
                        "delivered twice: " + call);
            }
            assertEquals(expected, received);
            // A chat got at most one message a second (the clock moved only as the outbox asked).
            db.read(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT address, COUNT(*), COUNT(DISTINCT sent_at) FROM outbox "
                        + "WHERE status = 'SENT' GROUP BY address")) {
                    while (rs.next()) {
                        assertEquals(rs.getInt(2), rs.getInt(3), "two sends in one instant to " + rs.getString(1));
                    }
                }
                return null;
            });

            assertEquals("FAILED", row(toGone).get("status"));
            assertTrue(String.valueOf(row(toGone).get("last_error")).contains("chat not found"), row(toGone).toString());
            assertEquals(false, residents.isOptedOut(new Address(Channel.TELEGRAM, gone)), "a 400 is not an opt-out");
            assertEquals("FAILED", row(toBlocked).get("status"));
            assertTrue(String.valueOf(row(toBlocked).get("last_error")).contains("blocked"), row(toBlocked).toString());
            assertTrue(residents.isOptedOut(new Address(Channel.TELEGRAM, blocked)), "blocking the bot is STOP");
            int callsBefore = bot.calls("sendmessage").size();
            String later = enqueue(Channel.TELEGRAM, blocked, "Laporan dibuka lagi", OutboundMessage.BULK);
            s.drainOnce();
            assertEquals("resident opted out", row(later).get("last_error"));
            assertEquals(callsBefore, bot.calls("sendmessage").size(), "nothing more went to the chat that blocked the bot");
        }
    }

    @Test
    void send_429WithRetryAfter_waitsAsTold() {
        twilio.then(new Fault.TooManyRequests(30));
        String id = enqueue(Channel.SMS, RESIDENT, "halo", OutboundMessage.REPLY);
        sender().drainOnce();
        assertEquals(START.plusSeconds(30).toEpochMilli(), ((Number) row(id).get("next_attempt_at")).longValue());
    }

    @Test
    void send_alwaysFailing_givesUpAfterMaxAttemptsWithErrorKept() {
        for (int i = 0; i < 8; i++) {
            twilio.then(Fault.serverError());
        }
        String id = enqueue(Channel.SMS, RESIDENT, "halo", OutboundMessage.BULK);
        deliverAll(sender());
        assertEquals("FAILED", row(id).get("status"));
        assertEquals(8, ((Number) row(id).get("attempts")).intValue());
        assertTrue(String.valueOf(row(id).get("last_error")).startsWith("gave up after 8 attempts: twilio 500"), row(id).toString());
    }

    @Test
    void twilioErrorQuotingTheNumber_isStoredMasked() {
        twilio.failFor(RESIDENT, 400, 21211, "The 'To' number " + RESIDENT + " is not a valid phone number.");
        String id = enqueue(Channel.SMS, RESIDENT, "Status 1", OutboundMessage.BULK);
        sender().drainOnce();
        assertEquals("FAILED", row(id).get("status"));
        String error = String.valueOf(row(id).get("last_error"));
        assertTrue(error.contains("+6281******890 is not a valid phone number"), error);
        assertFalse(error.contains(RESIDENT), error);
    }

    @Test
    void stop21610_marksResidentAndStopsLaterBulk() {
        twilio.failFor(RESIDENT, 400, 21610, "Attempt to send to unsubscribed recipient");
        String first = enqueue(Channel.SMS, RESIDENT, "Status 1", OutboundMessage.BULK);
        OutboxSender s = sender();
        s.drainOnce();
        assertEquals("FAILED", row(first).get("status"));
        assertTrue((boolean) db.read(c -> Residents.isOptedOut(c, RESIDENT)));

        String bulk = enqueue(Channel.WHATSAPP, RESIDENT, "Status 2", OutboundMessage.BULK);
        String otherResident = enqueue(Channel.SMS, "+6285711112222", "Status 3", OutboundMessage.BULK);
        s.drainOnce();
        assertEquals("FAILED", row(bulk).get("status"));
        assertEquals("resident opted out", row(bulk).get("last_error"));
        assertEquals("SENT", row(otherResident).get("status"));
        assertEquals(2, twilio.calls(), "the stopped resident's second bulk message never reached Twilio");
    }

    @Test
    void stopBySms_linkedTelegramChat_bulkNotSent_replyStillSent() {
        try (FakeBotApi bot = new FakeBotApi()) {
            String chat = "523901877";
            // The chat shared its contact: one person with the number, who then sent STOP by SMS.
            db.inTransaction(c -> {
                id.kanal.store.TelegramChats.link(c, RESIDENT, chat, START);
                return null;
            });
            residents.optOut(new Address(Channel.SMS, RESIDENT), START);
            TelegramSender telegram = TelegramSender.create(new TelegramConfig(Optional.of("123456:TEST-TOKEN"),
                    Optional.empty(), bot.url(), TelegramConfig.Mode.POLLING), TIMEOUT);
            OutboxSender s = new OutboxSender(queue, residents, List.of(telegram), new OutboxPolicy(Duration.ofSeconds(60),
                    10, Duration.ofSeconds(5), Duration.ofMinutes(15), 8, Duration.ofSeconds(1), Map.of()), clock);
            senders.add(s);
            String bulk = enqueue(Channel.TELEGRAM, chat, "Laporan TNG-000123 selesai", OutboundMessage.BULK);
            String reply = enqueue(Channel.TELEGRAM, chat, "Petugas: laporan Anda kami terima", OutboundMessage.REPLY);
            s.drainOnce();
            assertEquals("FAILED", row(bulk).get("status"));
            assertEquals("resident opted out", row(bulk).get("last_error"));
            assertEquals("SENT", row(reply).get("status"));
            assertEquals(List.of("Petugas: laporan Anda kami terima"),
                    bot.delivered().stream().map(call -> call.body().get("text").asText()).toList());
        }
    }

    @Test
    void optedOutResident_replyTheyAskedFor_stillSent() {
        residents.optOut(new Address(Channel.SMS, RESIDENT), START);
        String reply = enqueue(Channel.SMS, RESIDENT, "Petugas: laporan Anda kami terima", OutboundMessage.REPLY);
        sender().drainOnce();
        assertEquals("SENT", row(reply).get("status"));
    }

    @Test
    void priority_repliesGoBeforeBulk() {
        for (int i = 0; i < 3; i++) {
            enqueue(Channel.SMS, RESIDENT, "bulk " + i, OutboundMessage.BULK);
        }
        clock.advance(Duration.ofSeconds(1)); // the replies are younger: order is by priority first
        enqueue(Channel.SMS, RESIDENT, "reply 0", OutboundMessage.REPLY);
        enqueue(Channel.SMS, RESIDENT, "reply 1", OutboundMessage.REPLY);
        sender().drainOnce();
        assertEquals(List.of("reply 0", "reply 1", "bulk 0", "bulk 1", "bulk 2"), acceptedBodies());
    }

    @Test
    void rateLimit_smsOnePerSecond_spacesSendsWithoutSleeping() {
        for (int i = 0; i < 3; i++) {
            enqueue(Channel.SMS, "+62812000000" + i, "m" + i, OutboundMessage.BULK);
        }
        OutboxSender s = sender(Map.of(Channel.SMS, RateLimit.perSecond(1)));
        s.drainOnce();
        assertEquals(1, twilio.accepted().size());
        assertEquals(Optional.of(START.plusSeconds(1)), queue.nextDue(TWILIO));
        clock.advance(Duration.ofSeconds(1));
        s.drainOnce();
        assertEquals(2, twilio.accepted().size());
        clock.advance(Duration.ofSeconds(1));
        s.drainOnce();
        assertEquals(List.of("m0", "m1", "m2"), acceptedBodies());
    }

    @Test
    void restart_pendingAndStuckRows_sentByNewSenderNoneTwice() {
        List<String> ids = IntStream.range(0, 5).mapToObj(i -> enqueue(Channel.SMS, RESIDENT, "m" + i, OutboundMessage.BULK)).toList();
        // A sender claims two rows and the process dies before it sends them.
        assertEquals(2, queue.claimDue(TWILIO, clock.instant(), Duration.ofSeconds(60), 2).size());
        db.close();

        openDatabase();
        OutboxSender restarted = sender();
        restarted.drainOnce();
        assertEquals(3, twilio.accepted().size(), "the stuck rows wait for their lease to run out");
        clock.advance(Duration.ofSeconds(60));
        restarted.drainOnce();
        assertEquals(List.of("m0", "m1", "m2", "m3", "m4"), acceptedBodies().stream().sorted().toList());
        ids.forEach(id -> assertEquals("SENT", row(id).get("status")));
        restarted.drainOnce();
        assertEquals(5, twilio.calls());
    }

    @Test
    void slowBatch_pastHalfTheLease_handsTheRestBack() {
        String first = enqueue(Channel.SMS, RESIDENT, "m0", OutboundMessage.BULK);
        String second = enqueue(Channel.SMS, "+6285711112222", "m1", OutboundMessage.BULK);
        // The first send takes 31 s of the 60 s lease (the fake clock jumps as the sender calls Twilio).
        OutboxSender s = new OutboxSender(queue, residents, List.of(new id.kanal.channels.outbox.ChannelSender() {
            @Override
            public Set<Channel> channels() {
                return EnumSet.of(Channel.SMS);
            }

            @Override
            public id.kanal.channels.outbox.SendResult send(Address to, String body, Optional<String> template) {
                clock.advance(Duration.ofSeconds(31));
                return new id.kanal.channels.outbox.SendResult.Sent("SM-" + body);
            }
        }), new OutboxPolicy(Duration.ofSeconds(60), 10, Duration.ofSeconds(5), Duration.ofMinutes(15), 8,
                Duration.ofSeconds(1), Map.of()), clock);
        senders.add(s);
        s.drainOnce();
        assertEquals("SENT", row(first).get("status"));
        assertEquals("SENT", row(second).get("status"), "handed back, then claimed afresh in the next batch");
        assertEquals("SM-m1", row(second).get("provider_id"));
    }

    @Test
    void twoSenders_drainingTogether_neverSendTwice() throws Exception {
        List<String> bodies = IntStream.range(0, 30).mapToObj(i -> "m" + i).toList();
        bodies.forEach(b -> enqueue(Channel.SMS, RESIDENT, b, OutboundMessage.BULK));
        OutboxSender a = sender();
        OutboxSender b = sender();
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Integer> fa = CompletableFuture.supplyAsync(() -> await(go, a));
        CompletableFuture<Integer> fb = CompletableFuture.supplyAsync(() -> await(go, b));
        go.countDown();
        assertEquals(30, fa.get() + fb.get());
        assertEquals(bodies.stream().sorted().toList(), acceptedBodies().stream().sorted().toList());
        assertEquals(30, twilio.calls());
    }

    private static int await(CountDownLatch go, OutboxSender s) {
        try {
            go.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return s.drainOnce();
    }

    @Test
    void background_wakeAfterEnqueue_sendsWithoutPolling() throws Exception {
        OutboxSender s = sender();
        s.start();
        String id = enqueue(Channel.WHATSAPP, RESIDENT, "Laporan selesai", OutboundMessage.BULK);
        s.wake();
        assertTrue(twilio.awaitAccepted(1, Duration.ofSeconds(10)));
        s.close(Duration.ofSeconds(10));
        assertEquals("SENT", row(id).get("status"));
        // Never wrote on WhatsApp: outside the window, so the configured template carries the text.
        assertEquals("HX0000000000000000000000000000abcd", twilio.accepted().getFirst().get("ContentSid"));
        assertEquals("{\"1\":\"Laporan selesai\"}", twilio.accepted().getFirst().get("ContentVariables"));
    }
}
