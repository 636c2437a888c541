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
        HttpResponse<String> res = admin.post("/accounts", Map.of("username", username, "role", "agent",
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
}
