package id.kanal.channels.twilio;

import com.twilio.security.RequestValidator;
import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.messaging.Message;
import id.kanal.channels.web.FormBody;
import id.kanal.dialog.Channel;
import id.kanal.dialog.InboundMessage;
import id.kanal.dialog.Language;
import id.kanal.dialog.Reply;
import id.kanal.dialog.Texts;
import id.kanal.dialog.testing.RecordingResidents;
import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SMS webhook through real Helidon routing, fed with Twilio's recorded payloads. */
class TwilioMessagingServiceTest {
    static final String TOKEN = "test-auth-token-12345";
    static final String PUBLIC_URL = "https://kanal.example.go.id";
    static final String SMS_URL = PUBLIC_URL + "/channels/sms";

    private static final List<InboundMessage> received = new CopyOnWriteArrayList<>();
    private static volatile boolean handlerFails;
    private static final RecordingResidents residents = new RecordingResidents();
    private static WebServer server;
    private static WebServer unconfigured;

    @BeforeAll
    static void start() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC);
        server = WebServer.builder().port(0).routing(r -> r.register("/channels",
                new TwilioMessagingService(new TwilioConfig(Optional.of(TOKEN), PUBLIC_URL), m -> {
                    if (handlerFails) {
                        throw new IllegalStateException("database down");
                    }
                    received.add(m);
                    return Reply.of("Balasan untuk: " + m.text());
                }, residents, clock))).build().start();
        unconfigured = WebServer.builder().port(0).routing(r -> r.register("/channels",
                new TwilioMessagingService(new TwilioConfig(Optional.empty(), PUBLIC_URL),
                        m -> Reply.of("never"), clock))).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        unconfigured.stop();
    }

    @BeforeEach
    void reset() {
        received.clear();
        handlerFails = false;
        residents.languages.clear();
    }

    /** One row of the table: a recorded payload, how it is signed, what must come back. */
    record Case(String label, String fixture, Signing signing, int status, String bodyContains, int handled) {
        @Override
        public String toString() {
            return label;
        }
    }

    enum Signing { VALID, MISSING, TAMPERED_BODY, WRONG_URL, WRONG_TOKEN }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("text message", "sms-text.form", Signing.VALID, 200,
                        "<Response><Message>Balasan untuk: halo</Message></Response>", 1),
                new Case("unicode and markup are escaped", "sms-unicode.form", Signing.VALID, 200,
                        "Balasan untuk: Jalan rusak di Jl. Merdeka &#128545; &amp; &lt;script&gt;</Message>", 1),
                new Case("missing signature", "sms-text.form", Signing.MISSING, 403, "invalid signature", 0),
                new Case("tampered body", "sms-text.form", Signing.TAMPERED_BODY, 403, "invalid signature", 0),
                new Case("signed for another URL", "sms-text.form", Signing.WRONG_URL, 403, "invalid signature", 0),
                new Case("signed with another token", "sms-text.form", Signing.WRONG_TOKEN, 403, "invalid signature", 0),
                new Case("no From", "sms-no-from.form", Signing.VALID, 400, "From missing", 0),
                new Case("no MessageSid", "sms-no-sid.form", Signing.VALID, 400, "MessageSid missing", 0),
                new Case("From not a phone number", "sms-bad-from.form", Signing.VALID, 400, "not a phone number", 0),
                new Case("malformed form encoding", "sms-bad-escape.form", Signing.VALID, 400, "not form-encoded", 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void post_recordedPayload_answersAsExpected(Case c) throws Exception {
        String body = fixture(c.fixture());
        String signedBody = body;
        String signature = switch (c.signing()) {
            case VALID, MISSING -> sign(TOKEN, SMS_URL, body);
            case TAMPERED_BODY -> {
                signedBody = body;
                body = body.replace("Body=halo", "Body=halo+lagi");
                yield sign(TOKEN, SMS_URL, signedBody);
            }
            case WRONG_URL -> sign(TOKEN, "https://evil.example.com/channels/sms", body);
            case WRONG_TOKEN -> sign("another-token", SMS_URL, body);
        };
        // Twilio's own RequestValidator judges every signature of the table as the route does.
        if (!c.fixture().equals("sms-bad-escape.form")) {
            boolean sdkAccepts = c.signing() != Signing.MISSING
                    && new RequestValidator(TOKEN).validate(SMS_URL, FormBody.parse(body).fields(), signature);
            assertEquals(c.signing() == Signing.VALID, sdkAccepts, "the SDK's verdict on " + c.label());
        }
        HttpResponse<String> res = post(server, body, c.signing() == Signing.MISSING ? null : signature);
        assertEquals(c.status(), res.statusCode(), res.body());
        assertTrue(res.body().contains(c.bodyContains()), res.body());
        assertEquals(c.handled(), received.size());
        if (c.status() == 200) {
            assertEquals("text/xml; charset=UTF-8", res.headers().firstValue("Content-Type").orElse(""));
        }
    }

    @Test
    void post_textMessage_mapsToChannelNeutralMessage() throws Exception {
        String body = fixture("sms-text.form");
        post(server, body, sign(TOKEN, SMS_URL, body));
        InboundMessage m = received.getFirst();
        assertEquals(Channel.SMS, m.channel());
        assertEquals("SM1f0e8ae6ade43cb3c0ce4525424e404f", m.providerMessageId());
        assertEquals("+6281234567890", m.from().value());
        assertEquals("halo", m.text());
        assertEquals(Instant.parse("2026-11-22T03:00:00Z"), m.receivedAt());
    }

    @Test
    void post_withoutAuthToken_answers503_logsWhy_andNeverHandles() throws Exception {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(TwilioWebhook.class.getName());
        List<String> logged = new CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                logged.add(r.getLevel() + " " + java.text.MessageFormat.format(r.getMessage(),
                        r.getParameters() == null ? new Object[0] : r.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        try {
            String body = fixture("sms-text.form");
            HttpResponse<String> res = post(unconfigured, body, sign(TOKEN, SMS_URL, body));
            assertEquals(503, res.statusCode());
            assertTrue(res.body().contains("KANAL_TWILIO_AUTH_TOKEN"));
            assertTrue(!res.body().contains("never"), "the dialog was never asked: " + res.body());
            assertTrue(logged.contains("WARNING rejected route=sms: no Twilio auth token configured"), logged.toString());
        } finally {
            logger.removeHandler(capture);
        }
    }

    @Test
    void post_smsLongerThanTwilioSends_413AndNotStored() throws Exception {
        String longest = "é".repeat(TwilioMessagingService.MAX_SMS_CHARACTERS);
        String ok = fixture("sms-text.form").replace("Body=halo", "Body=" + URLEncoder.encode(longest, StandardCharsets.UTF_8));
        assertEquals(200, post(server, ok, sign(TOKEN, SMS_URL, ok)).statusCode());
        String tooLong = fixture("sms-text.form").replace("Body=halo",
                "Body=" + URLEncoder.encode(longest + "é", StandardCharsets.UTF_8));
        HttpResponse<String> res = post(server, tooLong, sign(TOKEN, SMS_URL, tooLong));
        assertEquals(413, res.statusCode(), res.body());
        assertEquals(List.of(longest), received.stream().map(InboundMessage::text).toList(), "only the body within the limit");
    }

    @Test
    void post_formAboveTheChannelCap_413BeforeTheSignatureIsChecked() throws Exception {
        String body = fixture("sms-text.form") + "&Pad=" + "x".repeat(TwilioWebhook.MAX_FORM_BYTES);
        HttpResponse<String> res = post(server, body, "unsigned");
        assertEquals(413, res.statusCode(), res.body());
        assertEquals(List.of(), received);
    }

    @Test
    void post_whenHandlerFails_repliesPolitelyInsteadOfSilence() throws Exception {
        handlerFails = true;
        String body = fixture("sms-text.form");
        HttpResponse<String> res = post(server, body, sign(TOKEN, SMS_URL, body));
        assertEquals(200, res.statusCode());
        assertTrue(res.body().contains("<Message>Maaf, layanan sedang gangguan"), res.body());
    }

    @Test
    void post_whenHandlerFails_englishResident_apologyInEnglish() throws Exception {
        handlerFails = true;
        residents.languages.put("+6281234567890", Language.EN);
        String body = fixture("sms-text.form");
        HttpResponse<String> res = post(server, body, sign(TOKEN, SMS_URL, body));
        assertEquals(200, res.statusCode());
        assertTrue(res.body().contains("<Message>" + Texts.builtIn().get(Language.EN, "unavailable") + "</Message>"),
                res.body());
    }

    @Test
    void twiml_matchesTheSdksOutput() {
        for (String text : List.of("halo", "a < b & c > d", "\"quoted\" and 'single'", "baris 1\nbaris 2",
                "emoji \uD83D\uDE00 dan é")) {
            String sdk = new MessagingResponse.Builder()
                    .message(new Message.Builder(text).build()).build().toXml();
            assertEquals(sdk, TwiMl.message(text), text);
        }
    }

    @Test
    void signer_isAcceptedByTheSdksValidator() {
        String body = fixture("sms-text.form");
        assertTrue(new RequestValidator(TOKEN).validate(SMS_URL, FormBody.parse(body).fields(), sign(TOKEN, SMS_URL, body)));
    }

    private static String sign(String token, String url, String body) {
        return TwilioRequests.sign(token, url, body);
    }

    private static HttpResponse<String> post(WebServer target, String body, String signature) throws Exception {
        return TwilioRequests.post(target.port(), "/channels/sms", body, signature);
    }

    private static String fixture(String name) {
        return TwilioRequests.fixture("twilio", name);
    }
}
