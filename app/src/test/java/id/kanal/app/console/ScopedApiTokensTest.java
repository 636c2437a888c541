package id.kanal.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import id.kanal.dialog.Channel;
import id.kanal.dialog.testing.MutableClock;
import id.kanal.store.Statements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The staff API ({@code /api/complaints}) with scoped tokens ({@code KANAL_API_TOKENS}): a region's
 * integration sees and changes only its region's complaints, an agency's only its agency's, every
 * refusal a 403 with the reason; the unscoped {@code KANAL_ADMIN_TOKEN} sees everything as before.
 */
class ScopedApiTokensTest {
    private static final String ADMIN = "admin-token-0123456789";
    private static final String KAB_TOKEN = "kab-token-0123456789";
    private static final String DLH_TOKEN = "dlh-token-0123456789=";
    private static final String KAB_NUMBER = "+6221500222";

    @TempDir
    Path dataDir;
    @TempDir
    Path regionsDir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T03:00:00Z"));
    private final HttpClient http = HttpClient.newHttpClient();
    private ConsoleHarness kanal;
    private String rubbish; // Kota Tangerang, Dinas Lingkungan Hidup (dlh)
    private String road;    // Kota Tangerang, Dinas PUPR (pupr)
    private String kab;     // Kabupaten Tangerang

    @BeforeEach
    void start() throws Exception {
        ConsoleHarness.dropInKabupaten(regionsDir);
        kanal = new ConsoleHarness(dataDir, clock, Map.of("KANAL_REGIONS_DIR", regionsDir.toString(),
                "KANAL_ADMIN_TOKEN", ADMIN,
                "KANAL_API_TOKENS", "kabupaten-tangerang=" + KAB_TOKEN + ", kota-tangerang/dlh=" + DLH_TOKEN));
        rubbish = kanal.fileComplaint("+6281322220001", "lapor sampah", "Jl. Kenari 12", "Sampah tidak diangkut");
        road = kanal.fileComplaint("+6281322220002", "lapor jalan berlubang", "Jl. Daan Mogot 30", "Lubang besar");
        for (String text : List.of("lapor sampah", "Sampah tidak diangkut seminggu", "Jl. Raya Serang 5", "ya")) {
            assertEquals(200, kanal.sms("+6281322220003", KAB_NUMBER, text).statusCode());
        }
        kab = kanal.kanal().database().read(c -> Statements.first(c, "SELECT ticket FROM complaint WHERE ticket LIKE 'KAB-%'",
                rs -> rs.getString(1)).orElseThrow());
    }

    @AfterEach
    void stop() {
        kanal.close();
    }

    @Test
    void regionToken_seesAndChangesOnlyItsRegionsComplaints() throws Exception {
        assertEquals(List.of(kab), tickets(get("/api/complaints", KAB_TOKEN)));
        assertEquals(1, json(get("/api/complaints/counts", KAB_TOKEN)).get("total").asLong());
        assertEquals(200, get("/api/complaints/" + kab, KAB_TOKEN).statusCode());

        for (HttpResponse<String> refused : List.of(get("/api/complaints/" + rubbish, KAB_TOKEN),
                get("/api/complaints/" + rubbish.toLowerCase(java.util.Locale.ROOT), KAB_TOKEN),
                status(rubbish, "IN_PROGRESS", KAB_TOKEN))) {
            assertEquals(403, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains(rubbish + " is not a complaint of region kabupaten-tangerang, where "
                    + "this token works"), refused.body());
        }
        assertEquals("ASSIGNED", statusOf(rubbish), "nothing changed");
        assertEquals(404, get("/api/complaints/KAB-999999", KAB_TOKEN).statusCode());
        assertEquals(200, status(kab, "IN_PROGRESS", KAB_TOKEN).statusCode());
        assertEquals("IN_PROGRESS", statusOf(kab));
    }

    @Test
    void agencyToken_seesOnlyItsAgency_andAnotherAgencysListIsRefused() throws Exception {
        assertEquals(List.of(rubbish), tickets(get("/api/complaints", DLH_TOKEN)));
        assertEquals(List.of(rubbish), tickets(get("/api/complaints?agency=dlh", DLH_TOKEN)));
        JsonNode counts = json(get("/api/complaints/counts", DLH_TOKEN));
        assertEquals(1, counts.get("total").asLong());
        assertEquals(Map.of("dlh", 1L), Map.of("dlh", counts.get("byAgency").get("dlh").asLong()));
        assertEquals(1, counts.get("byAgency").size());

        HttpResponse<String> list = get("/api/complaints?agency=pupr", DLH_TOKEN);
        assertEquals(403, list.statusCode());
        assertTrue(list.body().contains("this token works on the complaints of Dinas Lingkungan Hidup only, not pupr's"),
                list.body());
        for (HttpResponse<String> refused : List.of(get("/api/complaints/" + road, DLH_TOKEN),
                status(road, "REJECTED", DLH_TOKEN))) {
            assertEquals(403, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains(road + " is routed to Dinas PUPR; this token works on the complaints of "
                    + "Dinas Lingkungan Hidup only"), refused.body());
        }
        HttpResponse<String> otherRegion = get("/api/complaints/" + kab, DLH_TOKEN);
        assertEquals(403, otherRegion.statusCode());
        assertTrue(otherRegion.body().contains("not a complaint of region kota-tangerang"), otherRegion.body());
        assertEquals("ASSIGNED", statusOf(road));
        assertEquals(200, status(rubbish, "IN_PROGRESS", DLH_TOKEN).statusCode());
    }

    @Test
    void adminToken_seesEveryRegion_andWrongTokensAre401() throws Exception {
        assertEquals(List.of(kab, rubbish, road), tickets(get("/api/complaints", ADMIN)).stream().sorted().toList());
        assertEquals(3, json(get("/api/complaints/counts", ADMIN)).get("total").asLong());
        assertEquals(200, get("/api/complaints/" + road, ADMIN).statusCode());
        assertEquals(401, get("/api/complaints", KAB_TOKEN + "x").statusCode());
        assertEquals(401, get("/api/complaints", "").statusCode());
    }

    @Test
    void aScopedToken_mayNotImportPrices_403WithTheReason() throws Exception {
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(kanal.base() + "/api/admin/prices"))
                .header("Authorization", "Bearer " + KAB_TOKEN).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, res.statusCode(), res.body());
        assertTrue(res.body().contains("the token of kabupaten-tangerang works on that desk's complaints only"), res.body());
    }

    @Test
    void aTokenOfAnUnknownRegionOrAgency_stopsTheStart_namingIt(@TempDir Path otherData) {
        for (String bad : List.of("atlantis=abcdefghijklmnopqrst", "kota-tangerang/nasa=abcdefghijklmnopqrst")) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> new ConsoleHarness(otherData.resolve(
                    bad.substring(0, 8)), clock, Map.of("KANAL_API_TOKENS", bad)).close());
            String message = e.getMessage() + (e.getCause() == null ? "" : e.getCause().getMessage());
            assertTrue(message.contains("KANAL_API_TOKENS") && message.contains(bad.substring(0, bad.indexOf('='))),
                    message);
            assertTrue(!message.contains("abcdefghijklmnopqrst"), "the token is never shown: " + message);
        }
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(kanal.base() + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> status(String ticket, String status, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(kanal.base() + "/api/complaints/" + ticket + "/status"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"" + status + "\",\"note\":\"cek\",\"by\":\"bot\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private String statusOf(String ticket) {
        return kanal.kanal().database().read(c -> Statements.first(c, "SELECT status FROM complaint WHERE ticket = ?",
                rs -> rs.getString(1), ticket).orElseThrow());
    }

    private static JsonNode json(HttpResponse<String> res) throws Exception {
        assertEquals(200, res.statusCode(), res.body());
        return ConsoleHarness.JSON.readTree(res.body());
    }

    private static List<String> tickets(HttpResponse<String> res) throws Exception {
        return StreamSupport.stream(json(res).spliterator(), false).map(n -> n.get("ticket").asText()).toList();
    }
}
