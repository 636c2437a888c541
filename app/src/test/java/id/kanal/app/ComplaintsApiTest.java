package id.kanal.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kanal.store.Residents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The staff API end to end: complaints filed by SMS, changed by staff, residents told through the outbox. */
class ComplaintsApiTest {
    private static final String ADMIN = "s3cret-staff-token";
    private static final String RESIDENT = "+6281234567890";
    private static final String NEIGHBOUR = "+6285711112222";
    private static final Pattern TICKET = Pattern.compile("TNG-\\d{6}");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;
    private KanalHarness kanal;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger sids = new AtomicInteger();

    @BeforeEach
    void start() {
        kanal = new KanalHarness(dataDir, Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC),
                Map.of("KANAL_ADMIN_TOKEN", ADMIN));
    }

    @AfterEach
    void stop() {
        kanal.close();
    }

    private String fileBySms(String from, String location) throws Exception {
        for (String text : List.of("lapor sampah", location, "Sampah tidak diangkut seminggu")) {
            kanal.sms("SM" + sids.incrementAndGet(), from, text);
        }
        String reply = KanalHarness.replyText(kanal.sms("SM" + sids.incrementAndGet(), from, "ya"));
        Matcher m = TICKET.matcher(reply);
        assertTrue(m.find(), reply);
        return m.group();
    }

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + kanal.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
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
        kanal.close();
        kanal = new KanalHarness(dataDir, Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC));
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
