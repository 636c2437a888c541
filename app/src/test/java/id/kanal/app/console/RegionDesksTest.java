package id.kanal.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import id.kanal.dialog.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two regions in one deployment, seen from the console: an account of one region sees only its
 * region's queue, complaints and dashboard, and is refused another region's conversation; the
 * first admin (every region) sees both. One resident wrote to both regions' numbers.
 */
class RegionDesksTest {
    private static final String RESIDENT = "+6281322220009";
    private static final String KOTA_NUMBER = "+6221500123";
    private static final String KAB_NUMBER = "+6221500222";
    private static final String KAB = "kabupaten-tangerang";

    @TempDir
    Path dataDir;
    @TempDir
    Path regionsDir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T03:00:00Z"));
    private ConsoleHarness kanal;
    private ConsoleHarness.Client admin;

    @BeforeEach
    void start() throws Exception {
        ConsoleHarness.dropInKabupaten(regionsDir);
        kanal = new ConsoleHarness(dataDir, clock, Map.of("KANAL_REGIONS_DIR", regionsDir.toString(),
                "KANAL_CONSOLE_AUTO_ASSIGN_CAP", "2"));
        admin = kanal.login("admin", ConsoleHarness.ADMIN_PASSWORD);
        for (String to : List.of(KOTA_NUMBER, KAB_NUMBER)) {
            for (String text : List.of("lapor sampah", "Sampah tidak diangkut seminggu", "Jl. Kenari 12", "ya", "petugas")) {
                assertEquals(200, kanal.sms(RESIDENT, to, text).statusCode());
            }
        }
    }

    @AfterEach
    void stop() {
        kanal.close();
    }

    @Test
    void autoAssignment_givesAConversationOnlyToAnAccountOfItsRegion() throws Exception {
        ConsoleHarness.Client kab = staff("kabagent", KAB);
        // Both residents wait (nobody online); the Kabupaten agent comes online.
        try (InputStream stream = kanal.online(kab)) {
            String kabPath = "/conversations/sms/" + URLEncoder.encode(RESIDENT + "@" + KAB, StandardCharsets.UTF_8);
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
            while (!"agent".equals(kab.json(kab.get(kabPath)).get("conversation").get("mode").asText())) {
                assertTrue(System.nanoTime() < deadline, "the Kabupaten conversation was not assigned");
                java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
            }
            assertEquals("kabagent", kab.json(kab.get(kabPath)).get("conversation").get("agent").asText());
            // The sweep went through the queue oldest first: Kota's resident (older) was passed over.
            String kotaPath = "/conversations/sms/" + URLEncoder.encode(RESIDENT, StandardCharsets.UTF_8);
            assertEquals("queued", admin.json(admin.get(kotaPath)).get("conversation").get("mode").asText());
        }
    }

    private ConsoleHarness.Client staff(String username, String region) throws Exception {
        return staff(username, "agent", region);
    }

    private ConsoleHarness.Client staff(String username, String role, String region) throws Exception {
        HttpResponse<String> res = admin.post("/accounts", Map.of("username", username, "role", role,
                "password", username + "-password", "region", region));
        assertEquals(201, res.statusCode(), res.body());
        return kanal.login(username, username + "-password");
    }

    private static List<String> values(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.get(field).asText()).sorted().toList();
    }

    @Test
    void liveRoom_listsBothRegions_eachBoardCountsItsOwnComplaints() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.util.function.Function<String, String> get = path -> {
            try {
                HttpResponse<String> res = http.send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(kanal.base() + path)).header("Accept", "application/json").build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, res.statusCode(), path + ": " + res.body());
                return res.body();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        String list = get.apply("/live");
        assertTrue(list.contains("kota-tangerang") && list.contains(KAB), list);
        JsonNode kab = ConsoleHarness.JSON.readTree(get.apply("/live/" + KAB + ".json"));
        assertEquals("Kabupaten Tangerang", kab.get("regionName").asText());
        assertEquals(List.of("kab-dlhk", "kab-pupr"), values(kab.get("byAgency"), "code"));
        assertEquals(1L, kab.get("total").get("notYetHandled").asLong());
        JsonNode kota = ConsoleHarness.JSON.readTree(get.apply("/live/kota-tangerang.json"));
        assertEquals(1L, kota.get("total").get("notYetHandled").asLong());
        assertEquals(9, kota.get("byAgency").size());
    }

    @Test
    void regionAccount_seesOnlyItsRegionsQueueComplaintsAndFigures() throws Exception {
        ConsoleHarness.Client kab = staff("kabagent", KAB);
        ConsoleHarness.Client kota = staff("kotaagent", "kota-tangerang");

        assertEquals(List.of(RESIDENT + "@" + KAB), values(kab.json(kab.get("/queue")).get("conversations"), "address"));
        assertEquals(List.of(RESIDENT), values(kota.json(kota.get("/queue")).get("conversations"), "address"));
        assertEquals(List.of(RESIDENT, RESIDENT + "@" + KAB),
                values(admin.json(admin.get("/queue")).get("conversations"), "address"));

        List<String> kabTickets = values(kab.json(kab.get("/complaints")), "ticket");
        assertEquals(1, kabTickets.size());
        assertTrue(kabTickets.get(0).startsWith("KAB-"), kabTickets.toString());
        List<String> kotaTickets = values(kota.json(kota.get("/complaints")), "ticket");
        assertTrue(kotaTickets.size() == 1 && kotaTickets.get(0).startsWith("TNG-"), kotaTickets.toString());
        assertEquals(2, admin.json(admin.get("/complaints")).size());

        JsonNode kabFigures = kab.json(kab.get("/dashboard"));
        assertEquals(1, kabFigures.get("waiting").asLong());
        assertEquals(1, StreamSupport.stream(kabFigures.get("byStatus").spliterator(), false)
                .mapToLong(n -> n.get("count").asLong()).sum());
        assertEquals(List.of("kab-jalan", "kab-sampah"), values(kabFigures.get("byCategory"), "key"));
        assertEquals(2, admin.json(admin.get("/dashboard")).get("waiting").asLong());

        // Trends like the dashboard: the region's agencies and complaints only.
        JsonNode kabTrends = kab.json(kab.get("/dashboard/trends"));
        assertEquals(List.of("kab-dlhk", "kab-pupr"), values(kabTrends.get("agencies"), "key"));
        assertEquals(1, StreamSupport.stream(kabTrends.get("agencies").spliterator(), false)
                .mapToLong(a -> a.get("filed").get(7).asLong()).sum(), "its one complaint this week");
        assertEquals(9, kota.json(kota.get("/dashboard/trends")).get("agencies").size());
        assertEquals(11, admin.json(admin.get("/dashboard/trends")).get("agencies").size(), "every region's agencies");

        // Another region's conversation: refused with the reason, to read and to take.
        String kotaPath = "/conversations/sms/" + URLEncoder.encode(RESIDENT, StandardCharsets.UTF_8);
        HttpResponse<String> read = kab.get(kotaPath);
        assertEquals(403, read.statusCode(), read.body());
        assertTrue(read.body().contains("region kota-tangerang"), read.body());
        assertEquals(403, kab.post(kotaPath + "/take", Map.of()).statusCode());
        String kabPath = "/conversations/sms/" + URLEncoder.encode(RESIDENT + "@" + KAB, StandardCharsets.UTF_8);
        HttpResponse<String> taken = kab.post(kabPath + "/take", Map.of());
        assertEquals(200, taken.statusCode(), taken.body());
        assertEquals(1, kab.json(kab.get(kabPath)).get("complaints").size());
    }

    @Test
    void alerts_eachRegionsSupervisorSendsToItsOwnAreasAndResidents_anEveryRegionAccountPicks() throws Exception {
        assertEquals(200, kanal.sms("+6281322220021", KAB_NUMBER, "DAFTAR BANJIR Cikupa").statusCode());
        assertEquals(200, kanal.sms("+6281322220022", KOTA_NUMBER, "DAFTAR BANJIR Sukasari").statusCode());
        ConsoleHarness.Client kab = staff("kablead", "supervisor", KAB);
        ConsoleHarness.Client kota = staff("kotalead", "supervisor", "kota-tangerang");

        JsonNode kabAreas = kab.json(kab.get("/areas"));
        assertEquals(KAB, kabAreas.get("region").asText());
        assertEquals(List.of(KAB), values(kabAreas.get("regions"), "code"), "a region account picks no other");
        assertEquals(List.of("Cikupa", "Curug"), fieldNames(kabAreas.get("kecamatan")));
        HttpResponse<String> across = kab.get("/areas?region=kota-tangerang");
        assertEquals(403, across.statusCode(), across.body());
        assertTrue(across.body().contains("your account works in region " + KAB), across.body());

        Map<String, String> cikupa = Map.of("areaKind", "kecamatan", "area", "Cikupa", "text", "Banjir di Cikupa.");
        assertEquals(400, kab.post("/alerts/estimate", Map.of("areaKind", "kecamatan", "area", "Tangerang",
                "text", "Banjir")).statusCode(), "a Kota kecamatan is not the Kabupaten's");
        assertEquals(403, kab.post("/alerts/estimate?region=kota-tangerang", cikupa).statusCode());
        assertEquals(403, kab.post("/alerts?region=kota-tangerang", cikupa).statusCode());
        assertEquals(1, kab.json(kab.post("/alerts/estimate", cikupa)).get("recipients").asInt());
        JsonNode sent = kab.json(kab.post("/alerts", cikupa));
        assertEquals(1, sent.get("queued").asInt());
        String alertId = sent.get("id").asText();
        List<String> to = kanal.kanal().database().read(c -> id.kanal.store.Statements.list(c,
                "SELECT address FROM outbox WHERE kind = 'area-alert'", rs -> rs.getString(1)));
        assertEquals(List.of("+6281322220021@" + KAB), to, "the Kabupaten's subscriber only, written to from its number");

        // The Kota supervisor neither lists nor reads the Kabupaten's alert.
        assertEquals(0, kota.json(kota.get("/alerts")).get("alerts").size());
        HttpResponse<String> other = kota.get("/alerts/" + alertId);
        assertEquals(403, other.statusCode(), other.body());
        assertTrue(other.body().contains("region " + KAB + "'s"), other.body());
        assertEquals(1, kab.json(kab.get("/alerts")).get("alerts").size());

        // The first admin works everywhere: the default region's without a region, the one it names with one.
        JsonNode adminAreas = admin.json(admin.get("/areas"));
        assertEquals("kota-tangerang", adminAreas.get("region").asText());
        assertEquals(List.of(KAB, "kota-tangerang"), values(adminAreas.get("regions"), "code"));
        assertEquals(13, adminAreas.get("kecamatan").size());
        assertEquals(2, admin.json(admin.get("/areas?region=" + KAB)).get("kecamatan").size());
        assertEquals(1, admin.json(admin.get("/alerts?region=" + KAB)).get("alerts").size());
        assertEquals(0, admin.json(admin.get("/alerts")).get("alerts").size());
        assertEquals(200, admin.get("/alerts/" + alertId).statusCode(), "every region's alert");
        assertEquals(1, admin.json(admin.post("/alerts/estimate?region=kota-tangerang", Map.of("areaKind", "kelurahan",
                "area", "Sukasari", "text", "Banjir"))).get("recipients").asInt());
        assertEquals(400, admin.get("/areas?region=atlantis").statusCode());
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names.stream().sorted().toList();
    }
}
