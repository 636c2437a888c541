package id.kanal.channels.twilio;

import id.kanal.dialog.testing.RecordingResidents;

import id.kanal.dialog.testing.MutableClock;

import id.kanal.channels.outbox.SendResult;
import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Twilio sender against a fake Messages API on loopback: what goes on the wire, and how answers are classified. */
class TwilioSenderTest {
    static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");
    static final String RESIDENT = "+6281234567890";
    static final String CALLBACK = "https://kanal.example.go.id/channels/twilio/status";

    private FakeTwilio twilio;
    private final RecordingResidents residents = new RecordingResidents();
    private final MutableClock clock = new MutableClock(NOW);

    @BeforeEach
    void start() {
        twilio = new FakeTwilio();
    }

    @AfterEach
    void stop() {
        twilio.close();
    }

    private TwilioSender sender(Optional<String> templateSid, Optional<String> smsFrom) {
        return new TwilioSender(new TwilioSenderConfig(FakeTwilio.ACCOUNT_SID, FakeTwilio.AUTH_TOKEN,
                Optional.of(twilio.url()), smsFrom, Optional.of("whatsapp:+6221500123"), templateSid,
                Optional.of(CALLBACK), Duration.ofSeconds(3)), residents, clock);
    }

    private TwilioSender sender() {
        return sender(Optional.of("HX0000000000000000000000000000abcd"), Optional.of("+6221500999"));
    }

    @Test
    void channels_withBothSenders_smsUssdAndWhatsApp() {
        assertEquals(EnumSet.of(Channel.SMS, Channel.USSD, Channel.WHATSAPP), sender().channels());
        assertEquals(EnumSet.of(Channel.WHATSAPP), sender(Optional.empty(), Optional.empty()).channels());
    }

    @Test
    void send_sms_postsFromToBodyAndStatusCallback() {
        SendResult r = sender().send(new Address(Channel.SMS, RESIDENT), "Laporan TNG-000001 selesai", Optional.empty());
        assertEquals(new SendResult.Sent("SM00000000000000000000000000000001"), r);
        assertEquals(List.of(Map.of("From", "+6221500999", "To", RESIDENT, "Body", "Laporan TNG-000001 selesai",
                "StatusCallback", CALLBACK)), twilio.accepted());
    }

    @Test
    void send_ussdReceipt_goesAsSms() {
        assertInstanceOf(SendResult.Sent.class, sender().send(new Address(Channel.USSD, RESIDENT), "Tiket TNG-000002", Optional.empty()));
        assertEquals("+6221500999", twilio.accepted().getFirst().get("From"));
        assertEquals(RESIDENT, twilio.accepted().getFirst().get("To"));
    }

    @Test
    void send_whatsAppInsideWindow_freeFormText() {
        residents.lastWhatsApp.put(RESIDENT, NOW.minus(Duration.ofHours(23)));
        sender().send(new Address(Channel.WHATSAPP, RESIDENT), "Petugas: kami cek besok *pagi*", Optional.empty());
        assertEquals(List.of(Map.of("From", "whatsapp:+6221500123", "To", "whatsapp:" + RESIDENT,
                "Body", "Petugas: kami cek besok *pagi*", "StatusCallback", CALLBACK)), twilio.accepted());
    }

    @Test
    void send_whatsAppOutsideWindow_configuredTemplateWithTextAsVariable() {
        residents.lastWhatsApp.put(RESIDENT, NOW.minus(Duration.ofHours(25)));
        sender().send(new Address(Channel.WHATSAPP, RESIDENT), "Status \"selesai\"\nTerima kasih", Optional.empty());
        assertEquals(List.of(Map.of("From", "whatsapp:+6221500123", "To", "whatsapp:" + RESIDENT,
                "ContentSid", "HX0000000000000000000000000000abcd",
                "ContentVariables", "{\"1\":\"Status \\\"selesai\\\"\\nTerima kasih\"}", "StatusCallback", CALLBACK)),
                twilio.accepted());
    }

    @Test
    void send_whatsAppNeverWrote_rowTemplateWins() {
        sender().send(new Address(Channel.WHATSAPP, RESIDENT), "Laporan TNG-000042: selesai",
                Optional.of("HX1111111111111111111111111111ffff {\"1\":\"TNG-000042\",\"2\":\"selesai\"}"));
        Map<String, String> sent = twilio.accepted().getFirst();
        assertEquals("HX1111111111111111111111111111ffff", sent.get("ContentSid"));
        assertEquals("{\"1\":\"TNG-000042\",\"2\":\"selesai\"}", sent.get("ContentVariables"));
        assertEquals(null, sent.get("Body"));
    }

    @Test
    void send_whatsAppOutsideWindowNoTemplate_fallsBackToSms() {
        sender(Optional.empty(), Optional.of("+6221500999"))
                .send(new Address(Channel.WHATSAPP, RESIDENT), "Laporan selesai", Optional.empty());
        assertEquals(List.of(Map.of("From", "+6221500999", "To", RESIDENT, "Body", "Laporan selesai",
                "StatusCallback", CALLBACK)), twilio.accepted());
    }

    @Test
    void send_whatsAppTwilioSays63016_fallsBackToTemplate() {
        residents.lastWhatsApp.put(RESIDENT, NOW.minus(Duration.ofHours(1)));
        twilio.then(new FakeTwilio.Fault.Status(400, 63016, "Failed to send freeform message because you are outside the allowed window"));
        SendResult r = sender().send(new Address(Channel.WHATSAPP, RESIDENT), "halo", Optional.empty());
        assertInstanceOf(SendResult.Sent.class, r);
        assertEquals(2, twilio.calls());
        assertEquals("HX0000000000000000000000000000abcd", twilio.accepted().getFirst().get("ContentSid"));
    }

    @Test
    void send_whatsAppOutsideWindowNothingConfigured_failsPermanently() {
        SendResult r = sender(Optional.empty(), Optional.empty()).send(new Address(Channel.WHATSAPP, RESIDENT), "x", Optional.empty());
        assertEquals(false, ((SendResult.Failed) r).residentOptedOut());
        assertEquals(0, twilio.calls());
    }

    /** One row: what the fake answers, and how the sender must classify it. */
    record ErrorCase(String label, FakeTwilio.Fault fault, Class<? extends SendResult> expected, boolean optedOut,
                     Optional<Duration> retryAfter) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<ErrorCase> errors() {
        return Stream.of(
                new ErrorCase("500", FakeTwilio.Fault.serverError(), SendResult.RetryLater.class, false, Optional.empty()),
                new ErrorCase("503", new FakeTwilio.Fault.Status(503, 20503, "Service Unavailable"), SendResult.RetryLater.class, false, Optional.empty()),
                new ErrorCase("429 with Retry-After", new FakeTwilio.Fault.TooManyRequests(7), SendResult.RetryLater.class, false, Optional.of(Duration.ofSeconds(7))),
                new ErrorCase("timeout", new FakeTwilio.Fault.Timeout(), SendResult.RetryLater.class, false, Optional.empty()),
                new ErrorCase("21610 unsubscribed", new FakeTwilio.Fault.Status(400, 21610, "Attempt to send to unsubscribed recipient"), SendResult.Failed.class, true, Optional.empty()),
                new ErrorCase("21211 invalid number", new FakeTwilio.Fault.Status(400, 21211, "Invalid 'To' Phone Number"), SendResult.Failed.class, false, Optional.empty()),
                new ErrorCase("401 bad credentials", new FakeTwilio.Fault.Status(401, 20003, "Authenticate"), SendResult.Failed.class, false, Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void send_twilioError_classified(ErrorCase c) {
        twilio.then(c.fault());
        SendResult r = sender().send(new Address(Channel.SMS, RESIDENT), "halo", Optional.empty());
        assertInstanceOf(c.expected(), r);
        switch (r) {
            case SendResult.RetryLater retry -> assertEquals(c.retryAfter(), retry.retryAfter());
            case SendResult.Failed failed -> assertEquals(c.optedOut(), failed.residentOptedOut());
            case SendResult.Sent sent -> throw new AssertionError(sent);
        }
        assertEquals(1, twilio.calls(), "the SDK must not retry behind the outbox's back");
        assertTrue(twilio.accepted().isEmpty());
    }
}
