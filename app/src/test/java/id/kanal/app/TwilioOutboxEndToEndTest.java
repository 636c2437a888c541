package id.kanal.app;

import id.kanal.channels.twilio.FakeTwilio;
import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.port.OutboundMessage;
import id.kanal.store.Outbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole Twilio loop through the real app wiring: a WhatsApp message opens the window, an
 * agent's reply goes out through the outbox to a fake Twilio, and Twilio's status callbacks
 * come back to the server and land on the outbox row and the resident.
 */
class TwilioOutboxEndToEndTest {
    private static final String PUBLIC_URL = KanalHarness.PUBLIC_URL;
    private static final String RESIDENT = "+6281234567890";
    private static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");

    @TempDir
    Path dataDir;
    private KanalHarness harness;
    private FakeTwilio twilio;
    private Kanal kanal;

    @BeforeEach
    void start() {
        harness = KanalHarness.sendingThroughFakeTwilio(dataDir, Clock.fixed(NOW, ZoneOffset.UTC),
                Map.of("KANAL_TWILIO_WHATSAPP_FROM", "whatsapp:+6221500123"));
        twilio = harness.twilio();
        kanal = harness.kanal();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void whatsApp_inboundReplyAndStatusCallbacks_roundTrip() throws Exception {
        Map<String, String> inbound = new LinkedHashMap<>();
        inbound.put("SmsMessageSid", "SM7d2e4a3b9c1f4e6a8b0c2d4e6f8a0b1c");
        inbound.put("NumMedia", "0");
        inbound.put("ProfileName", "Siti Rahayu");
        inbound.put("MessageType", "text");
        inbound.put("WaId", "6281234567890");
        inbound.put("SmsStatus", "received");
        inbound.put("Body", "halo");
        inbound.put("To", "whatsapp:+6221500123");
        inbound.put("MessageSid", "SM7d2e4a3b9c1f4e6a8b0c2d4e6f8a0b1c");
        inbound.put("AccountSid", FakeTwilio.ACCOUNT_SID);
        inbound.put("From", "whatsapp:" + RESIDENT);
        inbound.put("ApiVersion", "2010-04-01");
        HttpResponse<String> res = post("/channels/whatsapp", inbound);
        assertEquals(200, res.statusCode(), res.body());
        assertTrue(res.body().contains("<Message>"), res.body());
        Address whatsApp = new Address(Channel.WHATSAPP, RESIDENT);
        assertEquals(Optional.of(NOW), kanal.residents().whatsAppLastInbound(whatsApp));
        assertEquals(Optional.of("Siti Rahayu"), kanal.residents().whatsAppProfileName(whatsApp));

        String id = kanal.database().inTransaction(c -> Outbox.enqueue(c, new OutboundMessage(whatsApp,
                "Petugas: jalan Anda kami perbaiki besok", "agent-reply", OutboundMessage.REPLY, Optional.empty()), NOW));
        kanal.outbox().wake();
        assertTrue(twilio.awaitAccepted(1, Duration.ofSeconds(10)));
        assertEquals(Map.of("From", "whatsapp:+6221500123", "To", "whatsapp:" + RESIDENT,
                "Body", "Petugas: jalan Anda kami perbaiki besok",
                "StatusCallback", PUBLIC_URL + "/channels/twilio/status"), twilio.accepted().getFirst());
        kanal.outbox().close(); // finishes recording the send

        String sid = "SM00000000000000000000000000000001";
        assertEquals(sid, kanal.outboxQueue().row(id).orElseThrow().get("provider_id"));
        assertEquals(200, post("/channels/twilio/status", status(sid, "delivered", null)).statusCode());
        assertEquals("delivered", kanal.outboxQueue().row(id).orElseThrow().get("delivery_status"));
        // A late "sent" does not overwrite "delivered".
        assertEquals(200, post("/channels/twilio/status", status(sid, "sent", null)).statusCode());
        assertEquals("delivered", kanal.outboxQueue().row(id).orElseThrow().get("delivery_status"));

        assertEquals(200, post("/channels/twilio/status", status(sid, "failed", "21610")).statusCode());
        assertEquals("21610", kanal.outboxQueue().row(id).orElseThrow().get("delivery_error"));
        assertTrue(kanal.residents().isOptedOut(new Address(Channel.SMS, RESIDENT)), "one number, one resident");

        Map<String, String> unsigned = status(sid, "delivered", null);
        HttpResponse<String> forged = harness.formPost("/channels/twilio/status", unsigned);
        assertEquals(403, forged.statusCode());
    }

    @Test
    void whatsApp_complaintWithSharedLocationAndPhoto_keepsPointAddressAndMedia() throws Exception {
        String media = "https://api.twilio.com/2010-04-01/Accounts/" + FakeTwilio.ACCOUNT_SID
                + "/Messages/MM3f1c9e2d7b5a4c8e9f0a1b2c3d4e5f60/Media/ME8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d";
        List<Map<String, String>> turns = List.of(
                Map.of("Body", "lapor sampah"),
                Map.of("Body", "", "Latitude", "-6.1783056", "Longitude", "106.6318889", "Label", "Pasar Anyar",
                        "Address", "Jl. Daan Mogot No. 12, Sukarasa, Tangerang"),
                Map.of("Body", "Sampah menumpuk di sini", "NumMedia", "1", "MediaUrl0", media, "MediaContentType0", "image/jpeg"),
                Map.of("Body", "ya"));
        String reply = "";
        int n = 0;
        for (Map<String, String> turn : turns) {
            Map<String, String> form = new LinkedHashMap<>();
            String sid = String.format("SM%032d", ++n);
            form.put("SmsMessageSid", sid);
            form.put("NumMedia", "0");
            form.put("ProfileName", "Siti Rahayu");
            form.put("WaId", "6281234567890");
            form.put("To", "whatsapp:+6221500123");
            form.put("MessageSid", sid);
            form.put("AccountSid", FakeTwilio.ACCOUNT_SID);
            form.put("From", "whatsapp:" + RESIDENT);
            form.put("ApiVersion", "2010-04-01");
            form.putAll(turn);
            HttpResponse<String> res = post("/channels/whatsapp", form);
            assertEquals(200, res.statusCode(), res.body());
            reply = res.body();
        }
        assertTrue(reply.matches("(?s).*TNG-\\d{6}.*"), reply);
        String kept = kanal.database().read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT c.reporter_channel, c.reporter_address, c.latitude, "
                    + "c.longitude, c.location, m.url, m.content_type FROM complaint c JOIN complaint_media m ON m.ticket = c.ticket")) {
                StringBuilder out = new StringBuilder();
                while (rs.next()) {
                    for (int i = 1; i <= 7; i++) {
                        out.append(i == 1 ? "" : " | ").append(rs.getString(i));
                    }
                    out.append('\n');
                }
                return out.toString();
            }
        });
        assertEquals("whatsapp | " + RESIDENT + " | -6.1783056 | 106.6318889 | Pasar Anyar, Jl. Daan Mogot No. 12, Sukarasa, "
                + "Tangerang | " + media + " | image/jpeg\n", kept);
    }

    private static Map<String, String> status(String sid, String status, String errorCode) {
        Map<String, String> form = new LinkedHashMap<>();
        if (errorCode != null) {
            form.put("ErrorCode", errorCode);
        }
        form.put("SmsSid", sid);
        form.put("SmsStatus", status);
        form.put("MessageStatus", status);
        form.put("To", "whatsapp:" + RESIDENT);
        form.put("MessageSid", sid);
        form.put("AccountSid", FakeTwilio.ACCOUNT_SID);
        form.put("From", "whatsapp:+6221500123");
        form.put("ApiVersion", "2010-04-01");
        return form;
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        return harness.twilioPost(path, form);
    }
}
