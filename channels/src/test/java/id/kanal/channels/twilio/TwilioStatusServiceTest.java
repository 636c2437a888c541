package id.kanal.channels.twilio;

import id.kanal.dialog.testing.RecordingResidents;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.port.OutboxItem;
import id.kanal.dialog.port.OutboxQueue;
import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Status callbacks through real Helidon routing, fed with Twilio's recorded callbacks. */
class TwilioStatusServiceTest {
    static final String TOKEN = "test-auth-token-12345";
    static final String PUBLIC_URL = "https://kanal.example.go.id";
    static final String URL = PUBLIC_URL + "/channels/twilio/status";
    static final String KNOWN_SID = "SM00000000000000000000000000000001";
    static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");

    /** The delivery reports recorded, by MessageSid: status and error code. */
    private static final Map<String, String> recorded = new ConcurrentHashMap<>();
    private static final RecordingResidents residents = new RecordingResidents();
    private static WebServer server;

    @BeforeAll
    static void start() {
        OutboxQueue outbox = new OutboxQueue() {
            @Override
            public Optional<Address> recordDelivery(String providerId, String status, Optional<String> errorCode, Instant now) {
                if (!providerId.equals(KNOWN_SID)) {
                    return Optional.empty();
                }
                recorded.put(providerId, status + "/" + errorCode.orElse("-"));
                return Optional.of(new Address(Channel.SMS, "+6281234567890"));
            }

            @Override
            public List<OutboxItem> claimDue(Set<Channel> channels, Instant now, Duration lease, int limit) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<Instant> nextDue(Set<Channel> channels) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean markSent(OutboxItem item, String providerId, String via, Instant now) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean reschedule(OutboxItem item, Instant at, Optional<String> error) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean markFailed(OutboxItem item, String error, Instant now) {
                throw new UnsupportedOperationException();
            }
        };
        server = WebServer.builder().port(0).routing(r -> r.register("/channels",
                new TwilioStatusService(new TwilioConfig(Optional.of(TOKEN), PUBLIC_URL), outbox, residents,
                        Clock.fixed(NOW, ZoneOffset.UTC)))).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        recorded.clear();
        residents.clear();
    }

    /** One row: a recorded callback, signed or not, the answer, what was recorded, whether the resident stopped. */
    record Case(String label, String fixture, boolean signed, String signingToken, int status, String recorded,
                boolean optedOut) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("delivered", "sms-delivered.form", true, TOKEN, 200, "delivered/-", false),
                new Case("undelivered with carrier error", "sms-undelivered.form", true, TOKEN, 200, "undelivered/30003", false),
                new Case("failed: recipient sent STOP (21610)", "sms-failed-stop.form", true, TOKEN, 200, "failed/21610", true),
                new Case("WhatsApp read receipt", "wa-read.form", true, TOKEN, 200, "read/-", false),
                new Case("unknown MessageSid is ignored", "unknown-sid.form", true, TOKEN, 200, null, false),
                new Case("missing signature", "sms-delivered.form", false, TOKEN, 403, null, false),
                new Case("invalid signature", "sms-failed-stop.form", true, "another-token", 403, null, false),
                new Case("no MessageSid", "no-sid.form", true, TOKEN, 400, null, false),
                new Case("no MessageStatus", "no-status.form", true, TOKEN, 400, null, false),
                new Case("ErrorCode not a number", "bad-error-code.form", true, TOKEN, 400, null, false),
                new Case("malformed form encoding", "../twilio/sms-bad-escape.form", true, TOKEN, 400, null, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void post_recordedStatusCallback_recordsAsExpected(Case c) throws Exception {
        String body = fixture(c.fixture());
        HttpResponse<String> res = TwilioRequests.post(server.port(), "/channels/twilio/status", body,
                c.signed() ? TwilioRequests.sign(c.signingToken(), URL, body) : null);
        assertEquals(c.status(), res.statusCode(), res.body());
        assertEquals(c.recorded() == null ? Map.of() : Map.of(KNOWN_SID, c.recorded()), recorded);
        assertEquals(c.optedOut(), residents.optedOut.containsKey("+6281234567890"));
        if (c.optedOut()) {
            assertEquals(NOW, residents.optedOut.get("+6281234567890"));
        }
        assertTrue(c.status() != 200 || !res.body().isBlank());
    }

    private static String fixture(String name) {
        return TwilioRequests.fixture("twilio-status", name);
    }
}
