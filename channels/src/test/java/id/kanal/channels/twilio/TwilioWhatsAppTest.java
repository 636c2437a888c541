package id.kanal.channels.twilio;

import id.kanal.dialog.testing.RecordingResidents;

import id.kanal.channels.web.FormBody;
import id.kanal.dialog.Channel;
import id.kanal.dialog.GeoPoint;
import id.kanal.dialog.InboundMessage;
import id.kanal.dialog.Media;
import id.kanal.dialog.Reply;
import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The WhatsApp webhook through real Helidon routing, fed with Twilio's recorded WhatsApp payloads. */
class TwilioWhatsAppTest {
    static final String TOKEN = "test-auth-token-12345";
    static final String PUBLIC_URL = "https://kanal.example.go.id";
    static final String URL = PUBLIC_URL + "/channels/whatsapp";
    static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");

    private static final List<InboundMessage> received = new CopyOnWriteArrayList<>();
    private static final RecordingResidents residents = new RecordingResidents();
    private static WebServer server;

    @BeforeAll
    static void start() {
        server = WebServer.builder().port(0).routing(r -> r.register("/channels",
                new TwilioMessagingService(new TwilioConfig(Optional.of(TOKEN), PUBLIC_URL), m -> {
                    received.add(m);
                    return Reply.of("Terima kasih, " + m.text() + " & <ok>");
                }, residents, Clock.fixed(NOW, ZoneOffset.UTC)))).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        received.clear();
        residents.clear();
    }

    enum Signing { VALID, MISSING, INVALID, SIGNED_FOR_SMS_ROUTE }

    /** One row: a recorded payload, how it is signed, the answer, and what the dialog must have got. */
    record Case(String label, String fixture, Signing signing, int status, String bodyContains,
                Consumer<InboundMessage> expect) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("text", "wa-text.form", Signing.VALID, 200,
                        "<Message>Terima kasih, Halo, mau lapor jalan rusak &amp; &lt;ok&gt;</Message>", m -> {
                    assertEquals(Channel.WHATSAPP, m.channel());
                    assertEquals("+6281234567890", m.from().value());
                    assertEquals("SM7d2e4a3b9c1f4e6a8b0c2d4e6f8a0b1c", m.providerMessageId());
                    assertEquals("Halo, mau lapor jalan rusak", m.text());
                    assertEquals(List.of(), m.media());
                    assertEquals(Optional.empty(), m.location());
                }),
                new Case("image with caption", "wa-image.form", Signing.VALID, 200, "Sampah menumpuk di sini", m -> {
                    assertEquals("Sampah menumpuk di sini", m.text());
                    assertEquals(List.of(new Media("https://api.twilio.com/2010-04-01/Accounts/AC00000000000000000000000000000000"
                            + "/Messages/MM3f1c9e2d7b5a4c8e9f0a1b2c3d4e5f60/Media/ME8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d",
                            "image/jpeg")), m.media());
                }),
                new Case("location share", "wa-location.form", Signing.VALID, 200, "Pasar Anyar", m -> {
                    assertEquals("+6285711112222", m.from().value());
                    assertEquals(Optional.of(new GeoPoint(-6.1783056, 106.6318889)), m.location());
                    assertEquals("Pasar Anyar, Jl. Daan Mogot No. 12, Sukarasa, Tangerang", m.text());
                }),
                new Case("missing signature", "wa-text.form", Signing.MISSING, 403, "invalid signature", null),
                new Case("invalid signature", "wa-text.form", Signing.INVALID, 403, "invalid signature", null),
                new Case("signed for the SMS route", "wa-text.form", Signing.SIGNED_FOR_SMS_ROUTE, 403, "invalid signature", null),
                new Case("From not a number", "wa-bad-from.form", Signing.VALID, 400, "not a phone number", null),
                new Case("Latitude not a number", "wa-bad-location.form", Signing.VALID, 400, "Latitude/Longitude invalid", null),
                new Case("malformed form encoding", "../twilio/sms-bad-escape.form", Signing.VALID, 400, "not form-encoded", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void post_recordedWhatsAppPayload_answersAsExpected(Case c) throws Exception {
        String body = fixture(c.fixture());
        String signature = switch (c.signing()) {
            case VALID, MISSING -> TwilioRequests.sign(TOKEN, URL, body);
            case INVALID -> TwilioRequests.sign("another-token", URL, body);
            case SIGNED_FOR_SMS_ROUTE -> TwilioRequests.sign(TOKEN, PUBLIC_URL + "/channels/sms", body);
        };
        HttpResponse<String> res = post(body, c.signing() == Signing.MISSING ? null : signature);
        assertEquals(c.status(), res.statusCode(), res.body());
        assertTrue(res.body().contains(c.bodyContains()), res.body());
        if (c.expect() == null) {
            assertEquals(0, received.size());
            assertTrue(residents.lastWhatsApp.isEmpty(), "a rejected request must not open the window");
            return;
        }
        assertEquals(1, received.size());
        c.expect().accept(received.getFirst());
        assertEquals("text/xml; charset=UTF-8", res.headers().firstValue("Content-Type").orElse(""));
        // Every WhatsApp message opens the 24-hour window and keeps the profile name.
        String from = received.getFirst().from().value();
        assertEquals(NOW, residents.lastWhatsApp.get(from));
        assertEquals(FormBody.parse(body).get("ProfileName").orElseThrow(), residents.profileNames.get(from));
    }

    private static HttpResponse<String> post(String body, String signature) throws Exception {
        return TwilioRequests.post(server.port(), "/channels/whatsapp", body, signature);
    }

    private static String fixture(String name) {
        return TwilioRequests.fixture("whatsapp", name);
    }
}
