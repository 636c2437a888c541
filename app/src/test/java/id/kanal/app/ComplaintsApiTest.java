package id.kanal.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kanal.channels.telegram.FakeBotApi;
import id.kanal.channels.twilio.FakeTwilio;
import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.Gsm7;
import id.kanal.dialog.port.FiledComplaint;
import id.kanal.dialog.port.NewComplaint;
import id.kanal.dialog.testing.MutableClock;
import id.kanal.store.Residents;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The staff API end to end: complaints filed by SMS, changed by staff, residents told through the outbox. */
class ComplaintsApiTest extends KanalOnServer {
    private static final String ADMIN = "s3cret-staff-token";
    private static final String RESIDENT = "+6281234567890";
    private static final String NEIGHBOUR = "+6285711112222";
    private static final Pattern TICKET = Pattern.compile("TNG-\\d{6}");
    private static final ObjectMapper JSON = new ObjectMapper();

    ComplaintsApiTest() {
        super(Map.of("KANAL_ADMIN_TOKEN", ADMIN));
    }

    private String fileBySms(String from, String location) throws Exception {
        for (String text : List.of("lapor sampah", location, "Sampah tidak diangkut seminggu")) {
            sms(from, text);
        }
        String reply = KanalHarness.replyText(sms(from, "ya"));
        Matcher m = TICKET.matcher(reply);
        assertTrue(m.find(), reply);
        return m.group();
    }

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        return call(method, path, "application/json", token, body);
    }

    private List<String> outbox() {
        return kanal.kanal().database().read(c -> {
            List<String> out = new ArrayList<>();
            try (var rs = c.createStatement().executeQuery("SELECT channel, address, kind, body FROM outbox ORDER BY created_at")) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
                }
            }
            return out;
        });
    }

    @Test
    void staffApi_missingOrWrongToken_401() throws Exception {
        assertEquals(401, call("GET", "/api/complaints", null, null).statusCode());
        assertEquals(401, call("GET", "/api/complaints/counts", "wrong", null).statusCode());
        HttpResponse<String> res = call("POST", "/api/complaints/TNG-000001/status", "s3cret-staff-tokeN",
                "{\"status\":\"IN_PROGRESS\"}");
        assertEquals(401, res.statusCode());
        assertEquals("Bearer", res.headers().firstValue("WWW-Authenticate").orElse(""));
    }

    @Test
    void staffApi_tokenUnset_503WithClearMessage() throws Exception {
        startAgain(clock(), Map.of());
        HttpResponse<String> res = call("GET", "/api/complaints", "anything", null);
        assertEquals(503, res.statusCode());
        assertTrue(res.body().contains("KANAL_ADMIN_TOKEN"), res.body());
    }

    @Test
    void changeStatus_endToEnd_residentToldBySmsAndStopRespected() throws Exception {
        String ticket = fileBySms(RESIDENT, "Jl. Merdeka 5");
        String linked = fileBySms(NEIGHBOUR, "jl merdeka no 5");
        assertEquals(List.of(), outbox());

        HttpResponse<String> res = call("POST", "/api/complaints/" + ticket + "/status", ADMIN,
                "{\"status\":\"IN_PROGRESS\",\"note\":\"Truk dikirim\",\"by\":\"budi\"}");
        assertEquals(200, res.statusCode(), res.body());
        assertEquals("{\"ticket\":\"" + ticket + "\",\"from\":\"ASSIGNED\",\"to\":\"IN_PROGRESS\",\"notified\":2}", res.body());
        assertEquals(List.of(
                "sms " + RESIDENT + " status-change Laporan " + ticket + " (Sampah) sedang dikerjakan oleh Dinas "
                        + "Lingkungan Hidup. Catatan: Truk dikirim",
                "sms " + NEIGHBOUR + " status-change Laporan " + linked + " (Sampah) sedang dikerjakan oleh Dinas "
                        + "Lingkungan Hidup. Catatan: Truk dikirim"), outbox());

        // The neighbour sent STOP: the next change reaches only the first resident.
        kanal.kanal().database().inTransaction(c -> {
            Residents.setOptedOut(c, NEIGHBOUR, true, Instant.now());
            return null;
        });
        res = call("POST", "/api/complaints/" + ticket + "/status", ADMIN, "{\"status\":\"RESOLVED\",\"by\":\"budi\"}");
        assertEquals(200, res.statusCode(), res.body());
        List<String> sent = outbox();
        assertEquals(3, sent.size(), sent.toString());
        assertTrue(sent.get(2).startsWith("sms " + RESIDENT + " status-change Laporan " + ticket + " (Sampah) sudah selesai"));

        assertTrue(KanalHarness.replyText(kanal.sms("SM-x", NEIGHBOUR, "status " + linked)).contains("selesai"));
    }

    /**
     * One problem reported on every channel (the SMS report first, the others linked to it), moved
     * through the lifecycle by staff and reopened by its reporter: after each change every reporter
     * gets exactly one message, on their own channel, at the fake Twilio or the fake Bot API.
     */
    @Test
    void changeStatus_everyTransition_reachesEveryReporterAtTheFakeProviders() throws Exception {
        String whatsApp = "+6285711112222";
        String ussd = "+6281311112222";
        String telegramChat = "523901877";
        MutableClock clock = new MutableClock(Instant.parse("2026-11-22T03:00:00Z"));
        try (FakeTwilio twilio = new FakeTwilio(); FakeBotApi bot = new FakeBotApi()) {
            startAgain(clock, Map.ofEntries(
                    Map.entry("KANAL_ADMIN_TOKEN", ADMIN),
                    Map.entry("KANAL_TWILIO_ACCOUNT_SID", FakeTwilio.ACCOUNT_SID),
                    Map.entry("KANAL_TWILIO_AUTH_TOKEN", FakeTwilio.AUTH_TOKEN),
                    Map.entry("KANAL_TWILIO_API_URL", twilio.url().toString()),
                    Map.entry("KANAL_TWILIO_SMS_FROM", "+6221500999"),
                    Map.entry("KANAL_TWILIO_WHATSAPP_FROM", "whatsapp:+6221500123"),
                    Map.entry("KANAL_WHATSAPP_STATUS_TEMPLATE_SID", "HX0000000000000000000000000000beef"),
                    Map.entry("KANAL_TELEGRAM_BOT_TOKEN", "123456:TEST-TOKEN"),
                    Map.entry("KANAL_TELEGRAM_WEBHOOK_SECRET", "webhook-secret"),
                    Map.entry("KANAL_TELEGRAM_MODE", "webhook"),
                    Map.entry("KANAL_TELEGRAM_API_URL", bot.url().toString())));
            String original = fileBySms(RESIDENT, "Jl. Merdeka 5");
            Map<String, String> tickets = new java.util.LinkedHashMap<>();
            tickets.put("sms:" + RESIDENT, original);
            for (Address reporter : List.of(new Address(Channel.WHATSAPP, whatsApp), new Address(Channel.TELEGRAM, telegramChat),
                    new Address(Channel.USSD, ussd))) {
                FiledComplaint filed = kanal.kanal().complaints().file(new NewComplaint("e2e-" + reporter.channel().id(),
                        reporter, "sampah", "jl merdeka no 5", "Sampah menumpuk", Optional.empty(), List.of()));
                assertEquals(Optional.of(original), filed.duplicateOf(), reporter.toString());
                tickets.put(reporter.channel().id() + ":" + reporter.value(), filed.ticket());
            }
            deliver(clock);
            // Filing is answered in the conversation; only the USSD reporter also gets the ticket by SMS.
            assertEquals(List.of(ussd), twilio.accepted().stream().map(f -> f.get("To")).toList());
            assertTrue(twilio.accepted().getFirst().get("Body").contains(tickets.get("ussd:" + ussd)));

            record Step(String status, String note, String text, String templateStatus) {
            }
            List<Step> steps = List.of(
                    new Step("IN_PROGRESS", "Truk dikirim", "Laporan %s (Sampah) sedang dikerjakan oleh Dinas Lingkungan Hidup."
                            + " Catatan: Truk dikirim", "sedang dikerjakan"),
                    new Step("RESOLVED", "Sudah diangkut", "Laporan %1$s (Sampah) sudah selesai ditangani Dinas Lingkungan Hidup."
                            + " Catatan: Sudah diangkut Apakah masalahnya sudah beres? 1 Sudah 2 Belum", "selesai"),
                    new Step("reopen", "", "Laporan %s (Sampah) dibuka kembali dan dikerjakan lagi oleh Dinas Lingkungan Hidup."
                            + " Catatan: belum beres " + original, "sedang dikerjakan"),
                    new Step("REJECTED", "Bukan sampah rumah tangga", "Laporan %s (Sampah) ditolak."
                            + " Alasan: Bukan sampah rumah tangga", "ditolak"));
            for (Step step : steps) {
                clock.advance(java.time.Duration.ofDays(1));
                boolean rejecting = step.status().equals("REJECTED");
                if (rejecting) {
                    // The USSD reporter texts STOP from the same phone: from now on only the other three hear.
                    KanalHarness.replyText(sms(ussd, "STOP"));
                }
                int twilioBefore = twilio.accepted().size();
                int botBefore = bot.delivered().size();
                if (step.status().equals("reopen")) {
                    String reply = KanalHarness.replyText(sms(RESIDENT,
                            "belum beres " + original));
                    assertTrue(reply.contains(original), reply);
                } else {
                    HttpResponse<String> res = call("POST", "/api/complaints/" + original + "/status", ADMIN,
                            JSON.writeValueAsString(Map.of("status", step.status(), "note", step.note(), "by", "budi")));
                    assertEquals(200, res.statusCode(), res.body());
                    assertTrue(res.body().endsWith("\"notified\":" + (rejecting ? 3 : 4) + "}"), res.body());
                }
                deliver(clock);

                List<Map<String, String>> twilioGot = twilio.accepted().subList(twilioBefore, twilio.accepted().size());
                Map<String, Map<String, String>> byTo = new java.util.TreeMap<>();
                twilioGot.forEach(f -> assertEquals(null, byTo.put(f.get("To"), f), "twice to " + f.get("To")));
                assertEquals(rejecting ? java.util.Set.of(RESIDENT, "whatsapp:" + whatsApp)
                        : java.util.Set.of(RESIDENT, ussd, "whatsapp:" + whatsApp), byTo.keySet(), step.status());
                assertEquals(String.format(step.text(), tickets.get("sms:" + RESIDENT)), byTo.get(RESIDENT).get("Body"));
                assertEquals("+6221500999", byTo.get(RESIDENT).get("From"));
                if (!rejecting) {
                    assertEquals(String.format(step.text(), tickets.get("ussd:" + ussd)), byTo.get(ussd).get("Body"),
                            "a USSD reporter is told by SMS");
                }
                assertTrue(Gsm7.isGsm7(byTo.get(RESIDENT).get("Body")), byTo.get(RESIDENT).get("Body"));
                assertTrue(Gsm7.segments(byTo.get(RESIDENT).get("Body")) <= 2);
                // Never wrote on WhatsApp: outside the 24-hour window, so the approved status template.
                Map<String, String> wa = byTo.get("whatsapp:" + whatsApp);
                assertEquals("whatsapp:+6221500123", wa.get("From"));
                assertEquals("HX0000000000000000000000000000beef", wa.get("ContentSid"));
                assertEquals(Map.of("1", tickets.get("whatsapp:" + whatsApp), "2", step.templateStatus()),
                        JSON.readValue(wa.get("ContentVariables"), Map.class));

                List<FakeBotApi.Call> botGot = bot.delivered().subList(botBefore, bot.delivered().size());
                assertEquals(1, botGot.size(), botGot.toString());
                assertEquals(telegramChat, botGot.getFirst().body().get("chat_id").asText());
                assertEquals(String.format(step.text(), tickets.get("telegram:" + telegramChat)),
                        botGot.getFirst().body().get("text").asText());
            }

            JsonNode duplicate = JSON.readTree(call("GET", "/api/complaints/" + tickets.get("ussd:" + ussd), ADMIN, null).body());
            assertEquals(List.of("RECEIVED", "ASSIGNED", "IN_PROGRESS", "RESOLVED", "IN_PROGRESS", "REJECTED"),
                    duplicate.get("history").findValuesAsText("status"), "the duplicate followed its original");
        }
    }

    /** Drains the outbox, moving the clock to each next due time (rate limits), until nothing is left. */
    private void deliver(MutableClock clock) {
        java.util.Set<Channel> all = java.util.EnumSet.allOf(Channel.class);
        for (int round = 0; round < 50; round++) {
            kanal.kanal().outbox().drainOnce();
            Optional<Instant> next = kanal.kanal().outboxQueue().nextDue(all);
            if (next.isEmpty()) {
                return;
            }
            if (next.get().isAfter(clock.instant())) {
                clock.set(next.get());
            }
        }
        throw new AssertionError("outbox not drained");
    }

    @Test
    void file_sameProblemNearbyBySms_residentToldItIsKnownAndFollowsTheOriginal() throws Exception {
        String original = fileBySms(RESIDENT, "Jl. Merdeka 5");
        for (String text : List.of("lapor sampah", "jln merdeka no. 5", "Sampahnya bau")) {
            sms(NEIGHBOUR, text);
        }
        String reply = KanalHarness.replyText(sms(NEIGHBOUR, "ya"));
        assertTrue(reply.startsWith("Terima kasih. Masalah ini sudah dilaporkan dan ditangani Dinas Lingkungan Hidup."),
                reply);
        Matcher m = TICKET.matcher(reply);
        assertTrue(m.find(), reply);
        JsonNode linked = JSON.readTree(call("GET", "/api/complaints/" + m.group(), ADMIN, null).body());
        assertEquals(original, linked.get("duplicateOf").asText(), linked.toString());
    }

    @Test
    void changeStatus_refusedOrUnknownOrBad_409And404And400() throws Exception {
        String ticket = fileBySms(RESIDENT, "Jl. Merdeka 5");
        HttpResponse<String> res = call("POST", "/api/complaints/" + ticket + "/status", ADMIN,
                "{\"status\":\"RECEIVED\",\"by\":\"budi\"}");
        assertEquals(409, res.statusCode());
        assertTrue(res.body().contains("a ASSIGNED complaint cannot become RECEIVED"), res.body());
        res = call("POST", "/api/complaints/" + ticket + "/status", ADMIN, "{\"status\":\"REJECTED\"}");
        assertEquals(409, res.statusCode());
        assertTrue(res.body().contains("reason"), res.body());
        assertEquals(404, call("POST", "/api/complaints/TNG-999999/status", ADMIN, "{\"status\":\"RESOLVED\"}").statusCode());
        assertEquals(400, call("POST", "/api/complaints/" + ticket + "/status", ADMIN, "{\"status\":\"DONE\"}").statusCode());
        assertEquals(400, call("POST", "/api/complaints/" + ticket + "/status", ADMIN, "not json").statusCode());
        assertEquals(List.of(), outbox());
    }

    @Test
    void reads_listDetailAndCounts() throws Exception {
        String ticket = fileBySms(RESIDENT, "Jl. Merdeka 5");
        fileBySms(NEIGHBOUR, "Pasar Anyar");
        call("POST", "/api/complaints/" + ticket + "/status", ADMIN, "{\"status\":\"REJECTED\",\"note\":\"Bukan wewenang\"}");

        JsonNode list = JSON.readTree(call("GET", "/api/complaints?status=ASSIGNED&category=sampah&agency=dlh&overdue=false",
                ADMIN, null).body());
        assertEquals(1, list.size());
        assertEquals("TNG-000002", list.get(0).get("ticket").asText());
        assertEquals("2026-11-25T10:00:00+07:00", list.get(0).get("expectedAt").asText(), "rubbish: 3 days");

        JsonNode detail = JSON.readTree(call("GET", "/api/complaints/" + ticket.toLowerCase(), ADMIN, null).body());
        assertEquals("REJECTED", detail.get("status").asText());
        assertEquals("sms", detail.get("reporterChannel").asText());
        assertEquals(List.of("RECEIVED", "ASSIGNED", "REJECTED"), detail.get("history").findValuesAsText("status"));
        assertEquals("staff:unknown", detail.get("history").get(2).get("by").asText());
        assertEquals(List.of(), JSON.convertValue(detail.get("allowedTransitions"), List.class), "REJECTED is final");
        JsonNode open = JSON.readTree(call("GET", "/api/complaints/TNG-000002", ADMIN, null).body());
        assertEquals(List.of("IN_PROGRESS", "RESOLVED", "REJECTED"),
                JSON.convertValue(open.get("allowedTransitions"), List.class), open.toString());
        assertEquals(List.of("IN_PROGRESS", "RESOLVED", "REJECTED"),
                JSON.convertValue(list.get(0).get("allowedTransitions"), List.class), "lists carry it too");
        assertEquals(404, call("GET", "/api/complaints/TNG-999999", ADMIN, null).statusCode());

        JsonNode counts = JSON.readTree(call("GET", "/api/complaints/counts", ADMIN, null).body());
        assertEquals(2, counts.get("total").asInt());
        assertEquals(1, counts.get("byStatus").get("REJECTED").asInt());
        assertEquals(1, counts.get("byStatus").get("ASSIGNED").asInt());
        assertEquals(0, counts.get("byStatus").get("IN_PROGRESS").asInt());
        assertEquals(2, counts.get("byCategory").get("sampah").asInt());
        assertEquals(2, counts.get("byAgency").get("dlh").asInt());
        assertEquals(0, counts.get("overdue").asInt());
    }
}
