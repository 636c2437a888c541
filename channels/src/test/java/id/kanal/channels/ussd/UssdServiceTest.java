package id.kanal.channels.ussd;

import id.kanal.channels.testing.LogCapture;
import id.kanal.channels.web.Cidr;
import id.kanal.channels.web.ClientAddress;
import id.kanal.dialog.testing.MutableClock;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.Conversation;
import id.kanal.dialog.Gsm7;
import id.kanal.dialog.Language;
import id.kanal.dialog.Texts;
import id.kanal.dialog.port.OutboundMessage;
import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The USSD route through real Helidon routing: recorded gateway requests and whole session scripts. */
class UssdServiceTest {
    static final String KEY = "ussd-gateway-key-77";
    static final String PHONE = "+6281234567890";
    /** The gateway named by an allow-list: USSD is off until one (or a secret) is set. */
    static final UssdConfig LOOPBACK_GATEWAY = UssdConfig.of(Optional.of("127.0.0.1/32, ::1"), Optional.empty());

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<OutboundMessage> outbox = new CopyOnWriteArrayList<>();
    private MutableClock clock;
    private ScriptedDialog dialog;
    private WebServer server;
    private WebServer keyed;
    private WebServer elsewhere;
    private WebServer unnamed;
    private WebServer keyOnly;

    @BeforeEach
    void start() {
        clock = new MutableClock(Instant.parse("2026-11-22T03:00:00Z"));
        dialog = new ScriptedDialog(clock);
        UssdSessions sessions = UssdSessions.inMemory();
        UssdConfig open = LOOPBACK_GATEWAY.withDeadline(Duration.ofMillis(300));
        server = serve(open, sessions);
        keyed = serve(UssdConfig.of(Optional.of("127.0.0.1/32, ::1"), Optional.of(KEY)), sessions);
        elsewhere = serve(UssdConfig.of(Optional.of("196.201.214.0/24"), Optional.empty()), sessions);
        unnamed = serve(UssdConfig.of(Optional.empty(), Optional.empty()), sessions);
        keyOnly = serve(UssdConfig.of(Optional.empty(), Optional.of(KEY)), sessions);
    }

    private WebServer serve(UssdConfig config, UssdSessions sessions) {
        return WebServer.builder().port(0).routing(r -> r.register("/channels",
                new UssdService(config, dialog, dialog, sessions, outbox::add,
                        m -> dialog.filedBy.contains(m.providerMessageId()), clock))).build().start();
    }

    @AfterEach
    void stop() {
        dialog.slowRelease.countDown();
        server.stop();
        keyed.stop();
        elsewhere.stop();
        unnamed.stop();
        keyOnly.stop();
    }

    enum Target { OPEN, KEYED, OTHER_NETWORK, UNNAMED, KEY_ONLY }

    /** One row: a recorded gateway request, where it goes, with which key, and the answer. */
    record Case(String label, String fixture, Target target, String key, int status, String answer) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("first screen shows the menu", "first.form", Target.OPEN, null, 200, "CON Layanan Tangerang:"),
                new Case("local number is normalised", "local-number.form", Target.OPEN, null, 200, "CON Layanan"),
                new Case("right key", "first.form", Target.KEYED, KEY, 200, "CON Layanan"),
                new Case("missing key", "first.form", Target.KEYED, null, 403, "forbidden"),
                new Case("wrong key", "first.form", Target.KEYED, "ussd-gateway-key-78", 403, "forbidden"),
                new Case("caller outside the allow-list", "first.form", Target.OTHER_NETWORK, null, 403, "forbidden"),
                new Case("neither allow-list nor secret: USSD is off", "first.form", Target.UNNAMED, null, 503,
                        "USSD is off: set KANAL_USSD_SECRET"),
                new Case("secret alone, right key: any network", "first.form", Target.KEY_ONLY, KEY, 200, "CON Layanan"),
                new Case("secret alone, no key", "first.form", Target.KEY_ONLY, null, 403, "forbidden"),
                new Case("no sessionId", "no-session.form", Target.OPEN, null, 400, "sessionId is missing"),
                new Case("phoneNumber not a number", "bad-phone.form", Target.OPEN, null, 400, "not a phone number"),
                new Case("malformed form encoding", "bad-escape.form", Target.OPEN, null, 400, "not form-encoded"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void post_recordedRequest_answersAsExpected(Case c) throws Exception {
        WebServer target = switch (c.target()) {
            case OPEN -> server;
            case KEYED -> keyed;
            case OTHER_NETWORK -> elsewhere;
            case UNNAMED -> unnamed;
            case KEY_ONLY -> keyOnly;
        };
        HttpResponse<String> res = post(target, fixture(c.fixture()), c.key());
        assertEquals(c.status(), res.statusCode(), res.body());
        assertTrue(c.status() == 200 ? res.body().startsWith(c.answer()) : res.body().contains(c.answer()), res.body());
        if (c.status() == 200) {
            assertEquals("text/plain; charset=UTF-8", res.headers().firstValue("Content-Type").orElse(""));
            assertFits(res.body());
        } else {
            assertEquals(List.of(), dialog.received, "the dialog must not run");
        }
    }

    /** Issue 13, item 3: behind a proxy the allow-list sees the forwarded caller, and only a trusted proxy's word counts. */
    @Test
    void allowList_forwardedFor_countsOnlyFromATrustedProxy() throws Exception {
        UssdConfig gateway = UssdConfig.of(Optional.of("196.201.214.0/24"), Optional.empty());
        WebServer behindProxy = WebServer.builder().port(0).routing(r -> r
                .addFilter(ClientAddress.trusting(Cidr.LOOPBACK).filter())
                .register("/channels", new UssdService(gateway, dialog, dialog, UssdSessions.inMemory(), outbox::add, clock)))
                .build().start();
        WebServer noProxy = WebServer.builder().port(0).routing(r -> r
                .addFilter(ClientAddress.trusting(List.of()).filter())
                .register("/channels", new UssdService(gateway, dialog, dialog, UssdSessions.inMemory(), outbox::add, clock)))
                .build().start();
        try {
            String form = fixture("first.form");
            assertEquals(200, forwarded(behindProxy, form, "196.201.214.7").statusCode(), "the gateway behind the proxy");
            assertEquals(403, forwarded(behindProxy, form, "196.201.214.7, 203.0.113.9").statusCode(),
                    "the right-most untrusted hop is the caller; what it wrote to the left is not believed");
            assertEquals(403, forwarded(behindProxy, form, "not-an-address").statusCode());
            assertEquals(403, forwarded(noProxy, form, "196.201.214.7").statusCode(),
                    "from a peer that is not a trusted proxy the header counts for nothing");
        } finally {
            behindProxy.stop();
            noProxy.stop();
        }
    }

    private HttpResponse<String> forwarded(WebServer target, String body, String forwardedFor) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.port() + "/channels/ussd"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void session_textLongerThanAnyGatewaySends_413AndNoTurn() throws Exception {
        String form = "sessionId=S9&serviceCode=" + enc("*384*1234#") + "&phoneNumber=" + enc(PHONE)
                + "&networkCode=51010&text=" + "1".repeat(UssdService.MAX_TEXT_CHARACTERS + 1);
        HttpResponse<String> res = post(server, form, null);
        assertEquals(413, res.statusCode(), res.body());
        assertEquals(List.of(), dialog.received, "the dialog must not run");
    }

    @Test
    void formAboveTheChannelCap_413() throws Exception {
        String form = "sessionId=S9&phoneNumber=" + enc(PHONE) + "&pad=" + "x".repeat(UssdService.MAX_FORM_BYTES);
        HttpResponse<String> res = post(server, form, null);
        assertEquals(413, res.statusCode(), res.body());
        assertEquals(List.of(), dialog.received, "the dialog must not run");
    }

    @Test
    void session_turnThatFiledAComplaint_endsOnItsReceipt() throws Exception {
        ussd("S1", "");
        ussd("S1", "1");
        // The receipt offers nothing to choose: END, not a screen that waits for an input.
        assertEquals("END " + ScriptedDialog.FILED, ussd("S1", "1*Jl Merdeka No 5"));
        // Without the desk's word that it filed one, the same reply keeps the session open (as before).
        WebServer noDesk = WebServer.builder().port(0).routing(r -> r.register("/channels", new UssdService(
                LOOPBACK_GATEWAY, dialog, dialog, UssdSessions.inMemory(), outbox::add, clock))).build().start();
        try {
            ussd(noDesk, "S2", "");
            ussd(noDesk, "S2", "1");
            assertEquals("CON " + ScriptedDialog.FILED, ussd(noDesk, "S2", "1*Jl Merdeka No 6"));
        } finally {
            noDesk.stop();
        }
    }

    @Test
    void session_takesOnlyTheNewInput() throws Exception {
        assertTrue(ussd("S1", "").startsWith("CON Layanan"));
        ussd("S1", "1");
        ussd("S1", "1*Jl Merdeka No 5");
        assertEquals(List.of("MENU", "1", "Jl Merdeka No 5"), dialog.inputs());
    }

    @Test
    void session_longReply_isPagedWith98() throws Exception {
        ussd("S1", "");
        String first = ussd("S1", "1");
        assertTrue(first.startsWith("CON Pilih kategori keluhan:"), first);
        assertTrue(first.endsWith("\n98 Lanjut"), first);
        String second = ussd("S1", "1*98");
        assertTrue(second.startsWith("CON "), second);
        assertTrue(second.contains("Balas dengan angka."), second);
        // Every line of the reply appears on exactly one page.
        String joined = (first.substring(4, first.length() - "\n98 Lanjut".length()) + "\n" + second.substring(4));
        assertEquals(ScriptedDialog.CATEGORIES.replace("\n", " "), joined.replace("\n", " "));
        ussd("S1", "1*98*3");
        assertEquals(List.of("MENU", "1", "3"), dialog.inputs(), "98 is the adapter's, never the dialog's");
    }

    @Test
    void session_gatewayRetry_repeatsTheScreenWithoutASecondTurn() throws Exception {
        ussd("S1", "");
        String once = ussd("S1", "1");
        assertEquals(once, ussd("S1", "1"));
        assertEquals(List.of("MENU", "1"), dialog.inputs());
    }

    @Test
    void session_endSession_answersEnd() throws Exception {
        ussd("S1", "");
        assertEquals("END Terima kasih.", ussd("S1", "bye"));
    }

    @Test
    void dropAndResumeWithin5Minutes_continuesWhereItWas() throws Exception {
        ussd("S1", "");
        String where = ussd("S1", "1");
        clock.advance(Duration.ofMinutes(4));
        String offer = ussd("S2", "");
        assertEquals("CON Sesi sebelumnya terputus. Lanjutkan?\n1 Ya\n2 Tidak", offer);
        assertEquals(where, ussd("S2", "1"), "the dropped screen again");
        assertTrue(ussd("S2", "1*98").contains("Balas dengan angka."));
        ussd("S2", "1*98*3");
        assertEquals(List.of("MENU", "1", "3"), dialog.inputs());
    }

    @Test
    void dropAndResume_declined_sendsMenu() throws Exception {
        ussd("S1", "");
        ussd("S1", "1");
        clock.advance(Duration.ofMinutes(1));
        ussd("S2", "");
        assertTrue(ussd("S2", "2").startsWith("CON Layanan Tangerang:"));
        assertEquals(List.of("MENU", "1", "MENU"), dialog.inputs());
    }

    @Test
    void dropAndResumeAfter5Minutes_startsAtTheMenu() throws Exception {
        ussd("S1", "");
        ussd("S1", "1");
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertTrue(ussd("S2", "").startsWith("CON Layanan Tangerang:"));
        assertEquals(List.of("MENU", "1", "MENU"), dialog.inputs());
    }

    @Test
    void slowDialog_answersEndAtOnce_andSendsTheReplyBySms() throws Exception {
        ussd("S1", "");
        long started = System.nanoTime();
        String answer = ussd("S1", "slow");
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(1)) < 0, "under 1 s");
        assertEquals("END Permintaan Anda sedang diproses. Jawabannya akan kami kirim lewat SMS.", answer);
        assertEquals(List.of(), outbox);
        dialog.slowRelease.countDown();
        awaitOutbox(1);
        OutboundMessage sms = outbox.getFirst();
        assertEquals("sms:" + PHONE, sms.to().channel().id() + ":" + sms.to().value());
        assertEquals("Harga cabai rawit di Pasar Anyar: Rp 45.000/kg.", sms.body());
        assertEquals("ussd-reply", sms.kind());
        assertEquals(OutboundMessage.REPLY, sms.priority());
    }

    /** Issue 13, item 8: a slow turn answered END and ran on unrecorded, so a crash lost what the gateway saw answered. */
    @Test
    void slowTurn_heldBeforeTheEnd_aStopBeforeItFinishes_theNextStartRunsIt() throws Exception {
        PendingUssdTurns pending = PendingUssdTurns.inMemory(outbox::add);
        UssdSessions sessions = UssdSessions.inMemory();
        WebServer first = WebServer.builder().port(0).routing(r -> r.register("/channels", new UssdService(
                LOOPBACK_GATEWAY.withDeadline(Duration.ofMillis(300)), dialog, dialog, sessions, pending,
                QueuedReceipts.none(), clock))).build().start();
        String form = "sessionId=S8&serviceCode=" + enc("*384*1234#") + "&phoneNumber=" + enc(PHONE)
                + "&networkCode=51010&text=" + enc("slow");
        try {
            assertTrue(post(first, form, null).body().startsWith("END "));
            assertEquals(List.of(new PendingUssdTurns.Pending("S8:4", PHONE, "slow", clock.instant())),
                    pending.unfinished(), "held before the END went out");
        } finally {
            first.stop(); // Kanal stops; that turn never finishes (its dialog stays blocked)
        }
        ScriptedDialog restarted = new ScriptedDialog(clock);
        restarted.slowRelease.countDown();
        UssdService again = new UssdService(LOOPBACK_GATEWAY, restarted, restarted, sessions, pending,
                QueuedReceipts.none(), clock);
        assertEquals(1, again.resumeUnfinished());
        assertEquals(List.of("slow"), restarted.inputs());
        assertEquals(List.of("Harga cabai rawit di Pasar Anyar: Rp 45.000/kg."),
                outbox.stream().map(OutboundMessage::body).toList(), "the reply follows by SMS");
        assertEquals(List.of(), pending.unfinished());
        assertEquals(0, again.resumeUnfinished(), "once");
    }

    @Test
    void slowComplaintFiling_lateReplyNotSent_theReceiptIsTheOneSms() throws Exception {
        try (LogCapture log = new LogCapture(UssdFlow.class)) {
            ussd("S1", "");
            String answer = ussd("S1", "slow-file");
            assertEquals("END Permintaan Anda sedang diproses. Jawabannya akan kami kirim lewat SMS.", answer);
            dialog.slowRelease.countDown();
            // Decided either way: skipped (logged), or queued as a second SMS.
            LogCapture.await(() -> log.contains("late reply not sent") || !outbox.isEmpty(), Duration.ofSeconds(5),
                    "the late reply's fate");
            assertEquals(List.of(), outbox, "the desk's receipt already tells the ticket: no second SMS");
            assertTrue(log.contains("reason=receipt-queued"), log.messages().toString());
        }
    }

    @Test
    void slowSilentTurn_noEmptySms() throws Exception {
        try (LogCapture log = new LogCapture(UssdFlow.class)) {
            ussd("S1", "");
            ussd("S1", "slow-silent");
            dialog.slowRelease.countDown();
            LogCapture.await(() -> log.contains("late reply not sent") || !outbox.isEmpty(), Duration.ofSeconds(5),
                    "the late reply's fate");
            assertEquals(List.of(), outbox);
            assertTrue(log.contains("reason=silent"), log.messages().toString());
        }
    }

    @Test
    void slowOrdinaryTurn_receiptCheckFails_lateReplyStillSent() throws Exception {
        WebServer checkFails = WebServer.builder().port(0).routing(r -> r.register("/channels",
                new UssdService(LOOPBACK_GATEWAY.withDeadline(Duration.ofMillis(300)),
                        dialog, dialog, UssdSessions.inMemory(), outbox::add, m -> {
                            throw new IllegalStateException("database down");
                        }, clock))).build().start();
        try {
            String form = "sessionId=S7&serviceCode=" + enc("*384*1234#") + "&phoneNumber=" + enc(PHONE)
                    + "&networkCode=51010&text=" + enc("slow");
            assertTrue(post(checkFails, form, null).body().startsWith("END "));
            dialog.slowRelease.countDown();
            awaitOutbox(1);
            assertEquals("Harga cabai rawit di Pasar Anyar: Rp 45.000/kg.", outbox.getFirst().body());
        } finally {
            checkFails.stop();
        }
    }

    @Test
    void ticketInReply_adapterQueuesNoSms_theDeskQueuesTheReceiptWhenFiling() throws Exception {
        ussd("S1", "");
        ussd("S1", "1");
        String filed = ussd("S1", "1*2");
        assertTrue(filed.contains("TNG-000123"), filed);
        // The receipt is queued by the complaint desk in the filing transaction (SqlComplaintDeskTest);
        // a screen that merely shows a ticket (a status lookup) costs the resident no SMS.
        assertEquals(List.of(), outbox);
    }

    @Test
    void sessionsFail_englishResident_apologyEndsTheSessionInEnglish() throws Exception {
        Address resident = new Address(Channel.USSD, PHONE);
        dialog.conversations.put(resident, Conversation.start(resident, clock.instant()).with(Language.EN));
        UssdSessions broken = new UssdSessions() {
            @Override
            public Optional<UssdSession> find(String sessionId) {
                throw new IllegalStateException("database down");
            }

            @Override
            public Optional<UssdSession> latestFor(String phone, String exceptSessionId) {
                throw new IllegalStateException("database down");
            }

            @Override
            public void save(UssdSession session) {
                throw new IllegalStateException("database down");
            }
        };
        WebServer failing = serve(LOOPBACK_GATEWAY, broken);
        try {
            String form = "sessionId=S9&serviceCode=" + enc("*384*1234#") + "&phoneNumber=" + enc(PHONE)
                    + "&networkCode=51010&text=";
            HttpResponse<String> res = post(failing, form, null);
            assertEquals(200, res.statusCode());
            assertEquals("END " + Texts.builtIn().get(Language.EN, "unavailable"), res.body());
            assertFits(res.body());
        } finally {
            failing.stop();
        }
    }

    @Test
    void newInput_isThePartAfterThePreviousText() {
        assertEquals("1", UssdFlow.newInput("", "1"));
        assertEquals("Jl Merdeka", UssdFlow.newInput("1*2", "1*2*Jl Merdeka"));
        assertEquals("3", UssdFlow.newInput("1*2", "9*3"), "a gateway that lost the history: the last input");
    }

    @Test
    void pages_fitTheScreenAtLineBreaks() {
        String more = "98 Lanjut";
        List<String> pages = UssdScreens.pages(ScriptedDialog.CATEGORIES + "\n" + ScriptedDialog.MENU, more);
        assertTrue(pages.size() >= 2);
        for (int i = 0; i < pages.size(); i++) {
            assertFits(UssdScreens.render(pages, i, true, more));
        }
    }

    private String ussd(String session, String text) throws Exception {
        return ussd(server, session, text);
    }

    private String ussd(WebServer target, String session, String text) throws Exception {
        String form = "sessionId=" + session + "&serviceCode=" + enc("*384*1234#") + "&phoneNumber=" + enc(PHONE)
                + "&networkCode=51010&text=" + enc(text);
        HttpResponse<String> res = post(target, form, null);
        assertEquals(200, res.statusCode(), res.body());
        assertFits(res.body());
        return res.body();
    }

    static void assertFits(String screen) {
        assertTrue(screen.startsWith("CON ") || screen.startsWith("END "), screen);
        assertTrue(Gsm7.isGsm7(screen), "GSM-7 only: " + screen);
        assertTrue(Gsm7.septets(screen) <= 182, screen.length() + " characters: " + screen);
    }

    private void awaitOutbox(int n) {
        Instant deadline = Instant.now().plusSeconds(5);
        while (outbox.size() < n) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("outbox never got " + n + " messages: " + outbox);
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    private HttpResponse<String> post(WebServer target, String body, String key) throws Exception {
        String query = key == null ? "" : "?key=" + enc(key);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.port() + "/channels/ussd" + query))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String fixture(String name) {
        try {
            return Files.readString(Path.of("src/test/resources/fixtures/ussd", name)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
