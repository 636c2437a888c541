package id.kanal.app;

import id.kanal.channels.smpp.LocalSmsc;
import id.kanal.channels.twilio.FakeTwilio;
import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.port.OutboundMessage;
import id.kanal.dialog.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What Kanal sends on its own to a region's resident goes to their number from that region's own
 * number (the first {@code sms} identity of its file), so the resident's answer reaches the same
 * region; the default region's residents hear from the configured sender.
 */
class RegionsOutboxTest {
    private static final Instant NOW = Instant.parse("2026-11-23T03:00:00Z");
    private static final String OTHER_RESIDENT = "+6281298765432";

    @TempDir
    Path dataDir;
    @TempDir
    Path regionsDir;

    /** The database the Kanal runs on: SQLite in the data directory here, PostgreSQL in the subclass. */
    Map<String, String> databaseEnv() {
        return Map.of();
    }

    /** A Kanal with the Kabupaten beside the Kota, sending through a fake Twilio, on {@code clock}, with {@code more} settings. */
    private KanalHarness withKabupaten(MutableClock clock, Map<String, String> more) throws Exception {
        RegionsEndToEndTest.dropInKabupaten(regionsDir);
        Map<String, String> env = new java.util.HashMap<>(databaseEnv());
        env.put("KANAL_REGIONS_DIR", regionsDir.toString());
        env.putAll(more);
        return KanalHarness.sendingThroughFakeTwilio(dataDir, clock, env);
    }

    private KanalHarness withKabupaten(MutableClock clock) throws Exception {
        return withKabupaten(clock, Map.of());
    }

    private static final Address KAB = new Address(Channel.SMS, RegionsEndToEndTest.RESIDENT)
            .inRegion(RegionsEndToEndTest.KAB_REGION);

    private static void enqueueStatusChange(KanalHarness harness, Address to) {
        harness.kanal().outboxQueue().enqueue(new OutboundMessage(to, "Laporan Anda sedang dikerjakan",
                "status-change", OutboundMessage.BULK, Optional.empty()), NOW);
        harness.kanal().outbox().wake();
    }

    @Test
    void outboxMessage_toEachRegionsResident_comesFromThatRegionsNumber() throws Exception {
        MutableClock clock = new MutableClock(NOW);
        try (KanalHarness harness = withKabupaten(clock)) {
            for (Address to : List.of(KAB, new Address(Channel.SMS, OTHER_RESIDENT))) {
                enqueueStatusChange(harness, to);
            }
            FakeTwilio twilio = harness.twilio();
            assertTrue(twilio.awaitAccepted(1, Duration.ofSeconds(20)), "the first message sent");
            clock.advance(Duration.ofSeconds(2)); // past the channel's pace
            harness.kanal().outbox().wake();
            assertTrue(twilio.awaitAccepted(2, Duration.ofSeconds(20)), "the second message sent");
            Map<String, String> fromTo = Map.of(
                    twilio.accepted().get(0).get("From"), twilio.accepted().get(0).get("To"),
                    twilio.accepted().get(1).get("From"), twilio.accepted().get(1).get("To"));
            assertEquals(Map.of(RegionsEndToEndTest.KAB_NUMBER, RegionsEndToEndTest.RESIDENT,
                    "+6221500999", OTHER_RESIDENT), fromTo, "the default region's from KANAL_TWILIO_SMS_FROM");
        }
    }

    /**
     * Twilio's opt-out is per sender (the number or Messaging Service the resident sent STOP to): its
     * error 21610 on a message from the Kabupaten's number stops the Kabupaten's resident only; the
     * same number still hears from the Kota, whose number they never stopped.
     */
    @Test
    void twilio21610_onARegionsMessage_stopsThatRegionsResidentOnly() throws Exception {
        try (KanalHarness harness = withKabupaten(new MutableClock(NOW))) {
            Address kota = new Address(Channel.SMS, RegionsEndToEndTest.RESIDENT);
            harness.twilio().failFor(RegionsEndToEndTest.RESIDENT, 400, 21610,
                    "Attempt to send to unsubscribed recipient");
            enqueueStatusChange(harness, KAB);
            SmppEndToEndTest.await(() -> harness.kanal().residents().isOptedOut(KAB), "the Kabupaten's resident stopped");
            assertFalse(harness.kanal().residents().isOptedOut(kota), "the Kota's resident was never stopped");
        }
    }

    /** The same 21610 reported later by a status callback lands on the resident of the region that sent. */
    @Test
    void twilio21610_inAStatusCallback_stopsTheSendingRegionsResidentOnly() throws Exception {
        try (KanalHarness harness = withKabupaten(new MutableClock(NOW))) {
            enqueueStatusChange(harness, KAB);
            assertTrue(harness.twilio().awaitAccepted(1, Duration.ofSeconds(20)), "the message sent");
            java.util.function.Supplier<String> providerId = () -> harness.kanal().database().read(c -> {
                try (var ps = c.prepareStatement("SELECT provider_id FROM outbox WHERE address = ?")) {
                    ps.setString(1, KAB.value());
                    try (var rs = ps.executeQuery()) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                }
            });
            SmppEndToEndTest.await(() -> providerId.get() != null, "the send recorded");
            Map<String, String> form = new java.util.LinkedHashMap<>();
            form.put("ErrorCode", "21610");
            form.put("MessageSid", providerId.get());
            form.put("MessageStatus", "undelivered");
            form.put("To", RegionsEndToEndTest.RESIDENT);
            form.put("From", RegionsEndToEndTest.KAB_NUMBER);
            assertEquals(200, harness.twilioPost("/channels/twilio/status", form).statusCode());
            assertTrue(harness.kanal().residents().isOptedOut(KAB));
            assertFalse(harness.kanal().residents().isOptedOut(new Address(Channel.SMS, RegionsEndToEndTest.RESIDENT)));
        }
    }

    /**
     * With an SMSC carrying SMS, Twilio keeps WhatsApp alone (its sender is narrowed to it): a
     * WhatsApp message to the Kabupaten's resident still leaves from the Kabupaten's WhatsApp sender.
     */
    @Test
    void whatsApp_whileSmppCarriesSms_comesFromTheRegionsWhatsAppSender() throws Exception {
        try (LocalSmsc smsc = LocalSmsc.start(0, "kanal", "rahasia")) {
            try (KanalHarness harness = withKabupaten(new MutableClock(NOW), Map.of(
                    "KANAL_TWILIO_WHATSAPP_FROM", "+6221500998",
                    "KANAL_SMPP_HOST", "127.0.0.1", "KANAL_SMPP_PORT", String.valueOf(smsc.port()),
                    "KANAL_SMPP_SYSTEM_ID", "kanal", "KANAL_SMPP_PASSWORD", "rahasia",
                    "KANAL_SMPP_SOURCE_ADDR", "1500123"))) {
                Address kabWhatsApp = new Address(Channel.WHATSAPP, RegionsEndToEndTest.RESIDENT)
                        .inRegion(RegionsEndToEndTest.KAB_REGION);
                // The resident wrote to the Kabupaten's WhatsApp sender a moment ago: a free-form message may go.
                harness.kanal().residents().whatsAppInbound(kabWhatsApp, Optional.empty(), NOW);
                enqueueStatusChange(harness, kabWhatsApp);
                assertTrue(harness.twilio().awaitAccepted(1, Duration.ofSeconds(20)), "the message sent");
                assertEquals("whatsapp:+6221500223", harness.twilio().accepted().get(0).get("From"));
            }
        }
    }

    private static final String KOTA_WHATSAPP = "+6221500998";

    /** The resident writes on WhatsApp to {@code sender}, through the real webhook. */
    private static void whatsAppFromResident(KanalHarness harness, String sid, String sender) throws Exception {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("MessageSid", sid);
        form.put("AccountSid", FakeTwilio.ACCOUNT_SID);
        form.put("From", "whatsapp:" + RegionsEndToEndTest.RESIDENT);
        form.put("To", "whatsapp:" + sender);
        form.put("Body", "halo");
        form.put("NumMedia", "0");
        assertEquals(200, harness.twilioPost("/channels/whatsapp", form).statusCode());
    }

    /**
     * WhatsApp's 24-hour window is per business sender: writing to the Kota's sender opens the Kota's
     * window only, so a message to the same number's Kabupaten resident does not go free-form (Twilio
     * would answer 63016) but falls back, here to SMS from the Kabupaten's number; once the resident
     * writes to the Kabupaten's sender, its messages go on WhatsApp from that sender.
     */
    @Test
    void whatsAppWindow_isEachRegionsOwn() throws Exception {
        MutableClock clock = new MutableClock(NOW);
        try (KanalHarness harness = withKabupaten(clock, Map.of("KANAL_TWILIO_WHATSAPP_FROM", KOTA_WHATSAPP))) {
            Address kota = new Address(Channel.WHATSAPP, RegionsEndToEndTest.RESIDENT);
            Address kab = kota.inRegion(RegionsEndToEndTest.KAB_REGION);
            whatsAppFromResident(harness, "SM00000000000000000000000000000001", KOTA_WHATSAPP);
            assertEquals(Optional.of(NOW), harness.kanal().residents().whatsAppLastInbound(kota));
            assertEquals(Optional.empty(), harness.kanal().residents().whatsAppLastInbound(kab));

            enqueueStatusChange(harness, kab);
            FakeTwilio twilio = harness.twilio();
            assertTrue(twilio.awaitAccepted(1, Duration.ofSeconds(20)), "the message sent");
            assertEquals(RegionsEndToEndTest.KAB_NUMBER, twilio.accepted().get(0).get("From"),
                    "outside the Kabupaten's window: by SMS from the Kabupaten's number");
            assertEquals(RegionsEndToEndTest.RESIDENT, twilio.accepted().get(0).get("To"));

            whatsAppFromResident(harness, "SM00000000000000000000000000000002", "+6221500223");
            assertEquals(Optional.of(NOW), harness.kanal().residents().whatsAppLastInbound(kab));
            clock.advance(Duration.ofSeconds(2)); // past the channel's pace
            enqueueStatusChange(harness, kab);
            assertTrue(twilio.awaitAccepted(2, Duration.ofSeconds(20)), "the second message sent");
            assertEquals("whatsapp:+6221500223", twilio.accepted().get(1).get("From"));
            assertEquals("whatsapp:" + RegionsEndToEndTest.RESIDENT, twilio.accepted().get(1).get("To"));
        }
    }
}
