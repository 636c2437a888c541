package id.kanal.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import id.kanal.dialog.testing.MutableClock;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two regions, each with its own price board, imported over HTTP: the console's Prices page (an
 * account of one region imports into its region's board; an account of every region chooses) and
 * {@code POST /api/admin/prices?region=R}. Every refusal is a 403 (or 404 for no such region) that
 * says why, and leaves both boards as they were.
 */
class RegionPricesTest {
    private static final String KAB = "kabupaten-tangerang";
    private static final String KOTA = "kota-tangerang";
    private static final String KAB_NUMBER = "+6221500222";
    private static final String ADMIN_TOKEN = "admin-token-for-region-prices";
    private static final String KAB_TOKEN = "kab-token-0123456789==";
    private static final String KAB_CSV = """
            date,market,commodity,unit,price
            2026-11-22,Pasar Curug,beras,kg,13100
            2026-11-22,Pasar Cikupa,beras,kg,13300
            """;

    @TempDir
    Path dataDir;
    @TempDir
    Path regionsDir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T03:00:00Z"));
    private final HttpClient http = HttpClient.newHttpClient();
    private ConsoleHarness kanal;
    private ConsoleHarness.Client admin;

    @BeforeEach
    void start() throws Exception {
        ConsoleHarness.dropInKabupaten(regionsDir);
        kanal = new ConsoleHarness(dataDir, clock, Map.of("KANAL_REGIONS_DIR", regionsDir.toString(),
                "KANAL_ADMIN_TOKEN", ADMIN_TOKEN, "KANAL_API_TOKENS", KAB + "=" + KAB_TOKEN));
        admin = kanal.login("admin", ConsoleHarness.ADMIN_PASSWORD);
    }

    @AfterEach
    void stop() {
        kanal.close();
    }

    private ConsoleHarness.Client account(String username, String role, String region, String agency) throws Exception {
        Map<String, String> body = new java.util.HashMap<>(Map.of("username", username, "role", role,
                "password", username + "-password", "region", region));
        if (agency != null) {
            body.put("agency", agency);
        }
        HttpResponse<String> res = admin.post("/accounts", body);
        assertEquals(201, res.statusCode(), res.body());
        return kanal.login(username, username + "-password");
    }

    /** The Prices page's upload: the CSV as a text/csv body, {@code query} ("" or "?region=R"). */
    private HttpResponse<String> upload(ConsoleHarness.Client as, String query, String csv) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(kanal.base() + "/api/console/prices" + query))
                .header("Content-Type", "text/csv").header("Cookie", as.cookie).header("X-CSRF-Token", as.csrf)
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> adminApi(String token, String query, String csv) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(kanal.base() + "/api/admin/prices" + query))
                .header("Content-Type", "text/csv").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The markets the region's board has a beras price at. */
    private List<String> berasMarkets(String region) {
        List<String> markets = new ArrayList<>();
        for (String m : List.of("Pasar Curug", "Pasar Cikupa", "Pasar Anyar")) {
            kanal.kanal().pricesOf(region).orElseThrow().latest("beras", Optional.of(m))
                    .filter(q -> m.equals(q.market().orElse(null))).ifPresent(q -> markets.add(m));
        }
        return markets;
    }

    private String kabReply(String text) throws Exception {
        HttpResponse<String> res = kanal.sms("+6281322220009", KAB_NUMBER, text);
        assertEquals(200, res.statusCode(), res.body());
        return res.body();
    }

    @Test
    void kabupatenAdmin_uploadLandsOnTheKabupatenBoardOnly_andItsEngineQuotesItAtOnce() throws Exception {
        List<String> kotaBefore = berasMarkets(KOTA);
        var kab = account("kabadmin", "admin", KAB, null);
        HttpResponse<String> res = upload(kab, "", KAB_CSV);
        assertEquals(200, res.statusCode(), res.body());
        assertEquals(KAB, kab.json(res).get("region").asText());
        assertEquals(List.of("Pasar Curug", "Pasar Cikupa"), berasMarkets(KAB));
        assertEquals(kotaBefore, berasMarkets(KOTA), "the Kota board is as it was");
        assertTrue(kabReply("harga beras brp").contains("termurah Rp13.100/kg di Pasar Curug"), "quoted at once");

        // The page shows the account's region's board, and offers no other region.
        JsonNode fresh = kab.json(kab.get("/prices"));
        assertEquals(KAB, fresh.get("region").asText());
        assertEquals(List.of(KAB), list(fresh.get("regions")));
        assertEquals("2026-11-22", fresh.get("newest").asText(), fresh.toString());
    }

    @Test
    void everyRegionAdmin_choosesTheRegion_defaultIsTheDefaultRegion() throws Exception {
        JsonNode fresh = admin.json(admin.get("/prices"));
        assertEquals(KOTA, fresh.get("region").asText());
        assertEquals(List.of(KOTA, KAB), list(fresh.get("regions")));

        HttpResponse<String> res = upload(admin, "?region=" + KAB, KAB_CSV);
        assertEquals(200, res.statusCode(), res.body());
        assertEquals(List.of("Pasar Curug", "Pasar Cikupa"), berasMarkets(KAB));
        assertFalse(berasMarkets(KOTA).contains("Pasar Curug"));
        assertEquals(KAB, admin.json(admin.get("/prices?region=" + KAB)).get("region").asText());

        HttpResponse<String> unknown = upload(admin, "?region=kota-bogor", KAB_CSV);
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("kota-bogor") && unknown.body().contains(KAB), unknown.body());
    }

    @Test
    void refusals_anotherRegionsBoard_anAgencyAccount_aSupervisor_403WithTheReason_nothingStored() throws Exception {
        List<String> kotaBefore = berasMarkets(KOTA);
        var kab = account("kabadmin", "admin", KAB, null);
        HttpResponse<String> other = upload(kab, "?region=" + KOTA, KAB_CSV);
        assertEquals(403, other.statusCode(), other.body());
        assertTrue(other.body().contains("region " + KAB), other.body());
        assertEquals(403, kab.get("/prices?region=" + KOTA).statusCode());

        var agency = account("dlhkadmin", "admin", KAB, "kab-dlhk");
        HttpResponse<String> byAgency = upload(agency, "", KAB_CSV);
        assertEquals(403, byAgency.statusCode(), byAgency.body());
        assertTrue(byAgency.body().contains("kab-dlhk"), byAgency.body());

        var supervisor = account("kabsupervisor", "supervisor", KAB, null);
        HttpResponse<String> bySupervisor = upload(supervisor, "", KAB_CSV);
        assertEquals(403, bySupervisor.statusCode(), "the Prices page stays an admin's: " + bySupervisor.body());

        assertEquals(List.of(), berasMarkets(KAB).stream().filter(m -> m.equals("Pasar Curug")).toList());
        assertEquals(kotaBefore, berasMarkets(KOTA));
    }

    @Test
    void adminApi_importsIntoTheRegionAsked_unknownRegion404_regionTokenRefused() throws Exception {
        HttpResponse<String> res = adminApi(ADMIN_TOKEN, "?region=" + KAB, KAB_CSV);
        assertEquals(200, res.statusCode(), res.body());
        assertTrue(res.body().contains("\"region\":\"" + KAB + "\""), res.body());
        assertEquals(List.of("Pasar Curug", "Pasar Cikupa"), berasMarkets(KAB));
        assertTrue(kabReply("harga beras brp").contains("termurah Rp13.100/kg di Pasar Curug"));

        HttpResponse<String> kota = adminApi(ADMIN_TOKEN, "", "date,market,commodity,unit,price\n2026-11-22,Pasar Anyar,beras,kg,15500\n");
        assertEquals(200, kota.statusCode(), kota.body());
        assertTrue(kota.body().contains("\"region\":\"" + KOTA + "\""), "none asked: the default region's");
        assertEquals(15_500, kanal.kanal().prices().latest("beras", Optional.of("Pasar Anyar")).orElseThrow().rupiah());
        assertFalse(berasMarkets(KAB).contains("Pasar Anyar"));

        HttpResponse<String> unknown = adminApi(ADMIN_TOKEN, "?region=kota-bogor", KAB_CSV);
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("\"error\"") && unknown.body().contains("kota-bogor"), unknown.body());

        HttpResponse<String> scoped = adminApi(KAB_TOKEN, "?region=" + KAB, KAB_CSV.replace("13100", "9000"));
        assertTrue(scoped.statusCode() == 401 || scoped.statusCode() == 403, scoped.statusCode() + " " + scoped.body());
        assertFalse(kabReply("harga beras brp").contains("Rp9.000"));
    }

    private static List<String> list(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
