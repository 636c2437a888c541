package id.kanal.app;

import id.kanal.channels.smpp.LocalSmsc;
import id.kanal.channels.telegram.FakeBotApi;
import id.kanal.channels.twilio.FakeTwilio;
import id.kanal.channels.twilio.FakeTwilio.Fault;
import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.port.ComplaintStatus;
import id.kanal.dialog.port.OutboundMessage;
import id.kanal.dialog.testing.MutableClock;
import id.kanal.services.complaints.ComplaintFiling;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The standing fault suite's provider part: a real Kanal sends WhatsApp through a fake Twilio,
 * Telegram through a fake Bot API and SMS over SMPP to the local SMSC. Status notifications
 * (complaints moving on) and agent replies are queued for residents on all three; then every
 * provider is down for a while (Twilio 503, Bot API 502, the SMSC gone so the link drops and
 * binds are refused), then throttles (Twilio 429 with Retry-After, Telegram 429 with
 * {@code retry_after}, the SMSC {@code ESME_RTHROTTLED}), then recovers. Afterwards every queued
 * message reached its provider exactly once, a throttled message waited as long as it was told,
 * and the configured rates held. The outbox runs on the test's thread ({@code drainOnce}) with
 * a hand-moved clock, as in {@code OutboxDeliveryTest}: its backoff costs no real time.
 */
@Tag("fault")
class FaultProviderOutageTest {
    private static final Instant START = Instant.parse("2026-11-22T03:00:00Z");
    /** How long (Kanal's clock) every provider refuses: several backoff rounds, fewer than the outbox's attempts. */
    private static final Duration OUTAGE = Duration.ofSeconds(90);
    /**
     * Longer than the outbox's own backoff after the outage's attempts (5 s doubling: 160 s at the
     * sixth), so a row retried before the provider said would show.
     */
    private static final int TWILIO_RETRY_AFTER = 600;
    private static final int TELEGRAM_RETRY_AFTER = 300;
    private static final int THROTTLED_PER_PROVIDER = 3;
    private static final double WHATSAPP_RATE = 2;
    private static final double SMPP_TPS = 50;

    @TempDir
    Path dataDir;
    private final MutableClock clock = new MutableClock(START);
    private final FakeTwilio twilio = new FakeTwilio();
    private final FakeBotApi bot = new FakeBotApi();
    private LocalSmsc smsc;
    private KanalHarness harness;
    private Kanal kanal;
    /** Rows seen answered 429 and checked, by id and attempt. */
    private final Set<String> throttledSeen = new HashSet<>();

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
        if (smsc != null) {
            smsc.close();
        }
        bot.close();
        twilio.close();
    }

    @Test
    void providersDownThenThrottling_everyQueuedMessageDeliveredOnce_ratesKept() {
        int residents = Integer.getInteger("kanal.fault.outage.residents", 6);
        smsc = LocalSmsc.start(0, "kanal", "rahasia");
        int smscPort = smsc.port();
        Map<String, String> env = new HashMap<>(SmppEndToEndTest.smppEnv(smsc));
        env.putAll(Map.of("KANAL_SMPP_TPS", String.valueOf((int) SMPP_TPS),
                "KANAL_TWILIO_ACCOUNT_SID", FakeTwilio.ACCOUNT_SID,
                "KANAL_TWILIO_AUTH_TOKEN", FakeTwilio.AUTH_TOKEN,
                "KANAL_TWILIO_API_URL", twilio.url().toString(),
                "KANAL_TWILIO_WHATSAPP_FROM", "whatsapp:+6221500123",
                "KANAL_WHATSAPP_RATE_PER_SECOND", String.valueOf((int) WHATSAPP_RATE),
                "KANAL_TELEGRAM_BOT_TOKEN", "123456:TEST-TOKEN",
                "KANAL_TELEGRAM_WEBHOOK_SECRET", "outage-secret",
                "KANAL_TELEGRAM_API_URL", bot.url().toString()));
        // The harness leaves the outbox's background thread off: this test drains it itself.
        harness = new KanalHarness(dataDir, clock, env);
        kanal = harness.kanal();
        SmppEndToEndTest.await(() -> smsc.boundLinks() == 1, "Kanal to bind to the SMSC");

        Map<Channel, Map<String, String>> queued = queue(residents);
        // Every provider goes down before anything is sent, the SMSC and with it the link. (Queued
        // first: the link's bind backoff runs in real time, and grows while the SMSC is away.)
        twilio.down(new Fault.Status(503, 20503, "Service Unavailable"));
        bot.down(502, "<html><body>502 Bad Gateway</body></html>");
        smsc.close();
        SmppEndToEndTest.await(this::smscLinkDown, "Kanal to see the SMSC link drop");
        Instant outageEnds = clock.instant().plus(OUTAGE);
        drainUntil(outageEnds);
        assertEquals(List.of(), twilio.accepted(), "nothing accepted while Twilio was down");
        assertEquals(List.of(), bot.delivered(), "nothing delivered while the Bot API was down");
        int refused = harness.count("SELECT COALESCE(SUM(attempts), 0) FROM outbox");
        assertTrue(harness.count("SELECT COUNT(*) FROM outbox WHERE channel = 'sms' AND attempts >= 2") > 0,
                "SMS rows tried again while the SMSC was away");
        assertEquals(0, harness.count("SELECT COUNT(*) FROM outbox WHERE status <> 'PENDING'"), "a row gave up during the outage");

        // Back, but throttling first.
        clock.set(outageEnds);
        for (int i = 0; i < THROTTLED_PER_PROVIDER; i++) {
            twilio.then(new Fault.TooManyRequests(TWILIO_RETRY_AFTER));
            bot.script("sendmessage", 429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
                    + TELEGRAM_RETRY_AFTER + "\",\"parameters\":{\"retry_after\":" + TELEGRAM_RETRY_AFTER + "}}");
        }
        twilio.recover();
        bot.recover();
        LocalSmsc back = LocalSmsc.start(smscPort, "kanal", "rahasia");
        smsc = back;
        back.refuseNext(THROTTLED_PER_PROVIDER, LocalSmsc.ESME_RTHROTTLED);
        SmppEndToEndTest.await(() -> back.boundLinks() == 1, "Kanal to bind again once the SMSC is back");
        drainUntil(Instant.MAX);

        assertEquals(0, harness.count("SELECT COUNT(*) FROM outbox WHERE status <> 'SENT'"), "every row sent");
        assertEquals(2 * THROTTLED_PER_PROVIDER, throttledSeen.size(), "Twilio's and Telegram's 429s all seen: " + throttledSeen);
        Map<String, String> whatsApp = once("Twilio", twilio.accepted(), f -> f.get("Body"),
                f -> f.get("To").replace("whatsapp:", ""));
        Map<String, String> telegram = once("the Bot API", bot.delivered(), c -> c.body().get("text").asText(),
                c -> c.body().get("chat_id").asText());
        Map<String, String> sms = once("the SMSC", whole(back.submitted()), LocalSmsc.Submitted::text, s -> "+" + s.to());
        assertEquals(queued.get(Channel.WHATSAPP), whatsApp, "WhatsApp: each queued message once, none lost");
        assertEquals(queued.get(Channel.TELEGRAM), telegram, "Telegram: each queued message once, none lost");
        assertEquals(queued.get(Channel.SMS), sms, "SMS: each queued message once, none lost");

        // The rates held: Kanal's clock at each send (it moves only between drains) for the outbox's own
        // limits, the SMSC's arrival times for the link's contracted rate.
        assertRate("whatsapp", sentAt("channel = 'whatsapp'"), WHATSAPP_RATE, (int) WHATSAPP_RATE);
        assertRate("telegram", sentAt("channel = 'telegram'"), 30, 30);
        for (String chat : queued.get(Channel.TELEGRAM).values().stream().distinct().toList()) {
            assertRate("telegram chat " + chat, sentAt("channel = 'telegram' AND address = '" + chat + "'"), 1, 1);
        }
        // One slot of slack for the loopback's jitter between two arrivals.
        assertRate("smsc", back.submitted().stream().map(LocalSmsc.Submitted::at).toList(), SMPP_TPS, 2);

        int total = queued.values().stream().mapToInt(Map::size).sum();
        System.out.printf("fault outage: %d messages queued (whatsapp %d, telegram %d, sms %d), %d attempts refused during "
                        + "the outage, %d throttled (429 / ESME_RTHROTTLED), %d delivered, 0 lost, 0 duplicated, rates kept "
                        + "(whatsapp %.0f/s, telegram 1/s per chat, smpp %.0f tps)%n", total, queued.get(Channel.WHATSAPP).size(),
                queued.get(Channel.TELEGRAM).size(), queued.get(Channel.SMS).size(), refused, 3 * THROTTLED_PER_PROVIDER,
                whatsApp.size() + telegram.size() + sms.size(), WHATSAPP_RATE, SMPP_TPS);
    }

    /**
     * Per resident on each channel: a complaint moved to IN_PROGRESS and RESOLVED (two status
     * notifications, queued by the complaint desk in the change's transaction) and two agent replies.
     * Returns what the outbox holds, by channel: body to address.
     */
    private Map<Channel, Map<String, String>> queue(int residents) {
        String category = kanal.complaints().categories().getFirst().code();
        for (int r = 0; r < residents; r++) {
            for (Address to : List.of(new Address(Channel.WHATSAPP, String.format("+62813%07d", r)),
                    new Address(Channel.TELEGRAM, String.valueOf(700_000_100 + r)),
                    new Address(Channel.SMS, String.format("+62812%07d", r)))) {
                if (to.channel() == Channel.WHATSAPP) {
                    // The resident wrote today: the 24-hour window is open, so free text goes.
                    kanal.residents().whatsAppInbound(to, Optional.empty(), clock.instant());
                }
                String ticket = kanal.complaints().file(new ComplaintFiling("outage:" + to.channel().id() + r,
                        to.channel().id(), to.value(), category, "Jl. Pemadaman " + to.channel().id() + " " + r,
                        "lampu jalan mati", Optional.empty(), List.of(), "resident:" + to.channel().id())).ticket();
                kanal.complaints().changeStatus(ticket, ComplaintStatus.IN_PROGRESS, "staff:petugas", "");
                kanal.complaints().changeStatus(ticket, ComplaintStatus.RESOLVED, "staff:petugas", "lampu sudah diganti");
                for (int n = 0; n < 2; n++) {
                    kanal.outboxQueue().enqueue(new OutboundMessage(to, "Petugas: balasan " + n + " untuk laporan " + ticket,
                            "agent-reply", OutboundMessage.REPLY, Optional.empty()), clock.instant());
                }
            }
        }
        Map<Channel, Map<String, String>> queued = new LinkedHashMap<>();
        kanal.database().read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT channel, address, body FROM outbox")) {
                while (rs.next()) {
                    Channel ch = Channel.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT));
                    assertEquals(null, queued.computeIfAbsent(ch, k -> new TreeMap<>()).put(rs.getString(3), rs.getString(2)),
                            "two rows with one body: the test could not tell a duplicate");
                }
            }
            return null;
        });
        for (Channel ch : List.of(Channel.WHATSAPP, Channel.TELEGRAM, Channel.SMS)) {
            assertEquals(4 * residents, queued.getOrDefault(ch, Map.of()).size(), "queued for " + ch + ": " + queued);
        }
        return queued;
    }

    /**
     * Drains, moving the clock to each next due row, until nothing is due before {@code until};
     * after each drain, a row just answered 429 must wait at least as long as the provider said.
     */
    private void drainUntil(Instant until) {
        for (int round = 0; round < 2_000; round++) {
            kanal.outbox().drainOnce();
            checkThrottled();
            Optional<Instant> next = kanal.outboxQueue().nextDue(kanal.outbox().channels());
            if (next.isEmpty() || next.get().isAfter(until)) {
                return;
            }
            if (next.get().isAfter(clock.instant())) {
                clock.set(next.get());
            }
        }
        fail("the outbox never emptied: " + harness.count("SELECT COUNT(*) FROM outbox WHERE status <> 'SENT'") + " rows left");
    }

    private void checkThrottled() {
        Instant now = clock.instant();
        kanal.database().read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT id, attempts, channel, next_attempt_at, last_error "
                    + "FROM outbox WHERE status = 'PENDING' AND last_error LIKE '%429%'")) {
                while (rs.next()) {
                    if (throttledSeen.add(rs.getString(1) + "#" + rs.getInt(2))) {
                        int told = rs.getString(3).equals("telegram") ? TELEGRAM_RETRY_AFTER : TWILIO_RETRY_AFTER;
                        assertTrue(rs.getLong(4) >= now.plusSeconds(told).toEpochMilli(), "a 429 answered at " + now
                                + " retried at " + Instant.ofEpochMilli(rs.getLong(4)) + ": " + rs.getString(5));
                    }
                }
            }
            return null;
        });
    }

    /** What a provider accepted, body to recipient; fails on a body accepted twice. */
    private static <T> Map<String, String> once(String provider, List<T> accepted, Function<T, String> body,
                                                Function<T, String> to) {
        Map<String, String> out = new TreeMap<>();
        for (T a : accepted) {
            assertEquals(null, out.put(body.apply(a), to.apply(a)), provider + " accepted twice: " + a);
        }
        return out;
    }

    /** The SMSC's parts put together (a message's parts go one after the other: the outbox sends one row at a time). */
    private static List<LocalSmsc.Submitted> whole(List<LocalSmsc.Submitted> parts) {
        List<LocalSmsc.Submitted> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (LocalSmsc.Submitted p : parts) {
            if (p.part() == 1) {
                text.setLength(0);
            }
            text.append(p.text());
            if (p.part() == p.parts()) {
                out.add(new LocalSmsc.Submitted(p.messageId(), p.from(), p.to(), text.toString(), p.dataCoding(), p.ussdOp(),
                        p.sessionInfo(), p.userRef(), 1, 1, p.receiptRequested(), p.at()));
            }
        }
        return out;
    }

    private List<Instant> sentAt(String where) {
        return kanal.database().read(c -> {
            List<Instant> out = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT sent_at FROM outbox WHERE status = 'SENT' AND "
                    + where + " ORDER BY sent_at")) {
                while (rs.next()) {
                    out.add(Instant.ofEpochMilli(rs.getLong(1)));
                }
            }
            return out;
        });
    }

    /**
     * The bound a rate limit of {@code rate}/s with bursts of {@code burst} puts on any stretch of
     * sends: from the i-th to the j-th, at most {@code burst + rate * seconds between them}.
     */
    private static void assertRate(String what, List<Instant> times, double rate, int burst) {
        List<Instant> sorted = times.stream().sorted().toList();
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                double seconds = Duration.between(sorted.get(i), sorted.get(j)).toNanos() / 1e9;
                assertTrue(j - i + 1 <= burst + rate * seconds + 1e-6, what + ": " + (j - i + 1) + " sends within "
                        + seconds + " s, above " + rate + "/s (burst " + burst + ")");
            }
        }
    }

    /** Whether health says the SMSC link is down (a send now is refused at once, never left waiting on a dead socket). */
    private boolean smscLinkDown() {
        try {
            return harness.get("/observe/health").body().contains("\"smsc\":\"reconnecting\"");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
