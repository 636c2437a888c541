package id.kanal.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import id.kanal.store.Statements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public LIVE Room board ({@code /live}): served without a login, its figures equal to counts
 * made directly in SQL, nothing in the JSON, the page or the event stream that names, reaches or locates a resident,
 * and an unknown region answered 404 in the one JSON error shape.
 */
class LiveRoomTest extends ConsoleOnServer {
    private static final Instant START = Instant.parse("2026-10-01T03:00:00Z");
    private static final long DAY = 86_400_000L;

    /** The seeded residents: numbers (as they write), names, places and descriptions that must never be shown. */
    private static final List<Resident> RESIDENTS = List.of(
            new Resident("+6281311110001", "Siti Rahmawati", "lapor sampah", "Jl. Kenari 12 RT 03/05",
                    "Sampah di depan rumah Siti Rahmawati tidak diangkut"),
            new Resident("+6281311110002", "Agus Setiawan", "lapor jalan berlubang", "Gang Mawar 7 Sukasari",
                    "Lubang besar depan rumah Pak Agus Setiawan"),
            new Resident("+6281311110003", "Dewi Lestari", "lapor banjir", "Perumahan Griya Asri Blok C4",
                    "Saluran mampet kalau hujan rumah Bu Dewi kebanjiran"),
            new Resident("+6281311110004", "Budi Hartono", "lapor air bersih", "Jl. Cemara Raya 88",
                    "Air PDAM mati tiga hari di rumah Budi Hartono"),
            new Resident("+6281311110005", "Rina Kusuma", "lapor sampah", "Jl. Flamboyan 3 RW 02",
                    "Tumpukan sampah bau dekat warung Rina"));

    private final HttpClient http = HttpClient.newHttpClient();
    private ConsoleHarness.Client staff;

    LiveRoomTest() {
        super(START, Map.of("kanal.console.session-ttl", "P90D"));
    }

    @BeforeEach
    void start() throws Exception {
        staff = kanal.login("admin", ConsoleHarness.ADMIN_PASSWORD);
    }

    @Test
    void board_figuresEqualCountsInSql_andTheMedianOfTheLast30Days() throws Exception {
        String old = file(RESIDENTS.get(4)); // rubbish, resolved 35 days before the board is read
        clock.advance(Duration.ofDays(1));
        status(old, "IN_PROGRESS");
        status(old, "RESOLVED");
        clock.advance(Duration.ofDays(35));
        String rubbish = file(RESIDENTS.get(0)); // due in 3 days: resolved after 2 days
        String road = file(RESIDENTS.get(1));    // due in 14: in progress
        String flood = file(RESIDENTS.get(2));   // due in 7: left alone, overdue when read
        String water = file(RESIDENTS.get(3));   // rejected
        clock.advance(Duration.ofDays(2));
        status(rubbish, "IN_PROGRESS");
        status(rubbish, "RESOLVED");
        status(road, "IN_PROGRESS");
        statusWithNote(water, "REJECTED", "Bukan wewenang kota");
        clock.advance(Duration.ofDays(6)); // the flood is 8 days old now

        HttpResponse<String> res = get("/live/kota-tangerang.json", "application/json");
        assertEquals(200, res.statusCode(), res.body());
        assertEquals("*", res.headers().firstValue("Access-Control-Allow-Origin").orElse(""), "open data");
        JsonNode board = ConsoleHarness.JSON.readTree(res.body());
        assertEquals("kota-tangerang", board.get("region").asText());
        assertEquals("Kota Tangerang", board.get("regionName").asText());

        // What the scenario says, and the same figures counted directly in SQL.
        assertEquals(Map.of("notYetHandled", 1L, "inProgress", 1L, "handled", 2L, "rejected", 1L, "overdue", 1L),
                tally(board.get("total")));
        assertEquals(tally(board.get("total")), sqlTally(""));
        for (JsonNode row : board.get("byAgency")) {
            assertEquals(sqlTally(" AND c.agency_code = '" + row.get("code").asText() + "'"), tally(row.get("figures")),
                    "agency " + row.get("code"));
        }
        for (JsonNode row : board.get("byCategory")) {
            assertEquals(sqlTally(" AND c.category_code = '" + row.get("code").asText() + "'"), tally(row.get("figures")),
                    "category " + row.get("code"));
        }
        assertEquals(9, board.get("byAgency").size(), "every agency of the region, zeros included");
        assertEquals("Dinas PUPR", board.get("byAgency").get(0).get("name").asText(), "in the region file's order");
        assertEquals(10, board.get("byCategory").size());
        Map<String, Long> pupr = tally(find(board.get("byAgency"), "pupr").get("figures"));
        assertEquals(1L, pupr.get("inProgress"), "the road");
        assertEquals(1L, pupr.get("overdue"), "the flood");

        // Resolutions in the last 30 days: only the rubbish, 2 days and 2 minutes after filing (the old one is out).
        assertEquals(1, board.get("resolvedLast30Days").asInt());
        List<Long> sqlDays = kanal.kanal().database().read(c -> Statements.list(c,
                "SELECT MAX(h.changed_at) - c.filed_at FROM complaint c JOIN complaint_history h ON h.ticket = c.ticket "
                        + "AND h.status = 'RESOLVED' WHERE c.status = 'RESOLVED' GROUP BY c.ticket, c.filed_at "
                        + "HAVING MAX(h.changed_at) >= ?", rs -> rs.getLong(1), clock.millis() - 30 * DAY));
        assertEquals(1, sqlDays.size());
        assertEquals(Math.round(sqlDays.getFirst() * 10.0 / DAY) / 10.0, board.get("medianDaysToResolution").asDouble());
        assertEquals(2.0, board.get("medianDaysToResolution").asDouble());

        String page = get("/live/kota-tangerang", "text/html").body();
        assertTrue(page.contains("Belum ditangani") && page.contains("Sedang diproses") && page.contains("Selesai ditangani"),
                "in Bahasa Indonesia");
        assertTrue(page.contains("Dinas PUPR") && page.contains("Banjir/drainase"));
    }

    @Test
    void board_holdsNoPersonalData_inTheJsonOrThePage() throws Exception {
        for (Resident r : RESIDENTS) {
            kanal.kanal().database().inTransaction(c -> Statements.update(c, "INSERT INTO resident (address, "
                    + "whatsapp_profile_name, updated_at) VALUES (?, ?, ?)", r.number(), r.name(), clock.millis()));
            file(r);
        }
        clock.advance(Duration.ofDays(1));
        String json = get("/live/kota-tangerang.json", "application/json").body();
        String page = get("/live/kota-tangerang", "text/html").body();
        String list = get("/live", "text/html").body() + get("/live", "application/json").body();
        String stream;
        try (EventStream events = EventStream.open(http, kanal.base() + "/live/kota-tangerang/events")) {
            stream = events.next("board", Duration.ofSeconds(10)).data();
        }
        assertTrue(stream.contains("\"notYetHandled\":5"), "the stream's board is the same board: " + stream);
        for (String shown : List.of(json, page, list, stream)) {
            for (Resident r : RESIDENTS) {
                String local = "0" + r.number().substring(3);
                for (String secret : List.of(r.number(), r.number().substring(1), local, r.number().substring(5),
                        r.name(), r.name().split(" ")[1], r.place(), r.description())) {
                    assertFalse(shown.contains(secret), "the board shows '" + secret + "'");
                }
                for (String word : r.place().split(" ")) {
                    if (word.length() > 4 && !word.startsWith("Jl")) {
                        assertFalse(shown.contains(word), "the board shows a place: '" + word + "'");
                    }
                }
            }
            assertFalse(shown.contains("TNG-"), "no ticket codes either");
        }
    }

    @Test
    void board_servedWithoutLogin_unknownRegionIs404Json_andRegionsAreListed() throws Exception {
        HttpResponse<String> page = get("/live/kota-tangerang", "text/html");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("<html lang=\"id\">"));
        assertTrue(page.body().contains("/live/assets/live.js"), "it refreshes itself");
        assertEquals(200, get("/live/assets/live.js", "*/*").statusCode());
        assertEquals(200, get("/live/assets/live.css", "*/*").statusCode());

        for (String path : List.of("/live/atlantis", "/live/atlantis.json")) {
            HttpResponse<String> missing = get(path, "text/html");
            assertEquals(404, missing.statusCode(), path);
            JsonNode error = ConsoleHarness.JSON.readTree(missing.body());
            assertTrue(error.get("error").asText().contains("atlantis"));
            assertTrue(error.has("requestId"));
        }

        JsonNode regions = ConsoleHarness.JSON.readTree(get("/live", "application/json").body()).get("regions");
        assertEquals(1, regions.size());
        assertEquals("kota-tangerang", regions.get(0).get("code").asText());
        assertEquals("/live/kota-tangerang.json", regions.get(0).get("figures").asText());
        assertTrue(get("/live", "text/html").body().contains("href=\"/live/kota-tangerang\""));
    }

    @Test
    void board_isKeptTenSecondsThenRecounted() throws Exception {
        assertEquals(0, total());
        file(RESIDENTS.get(0));
        assertEquals(0, total(), "the figures of a few seconds ago serve every screen");
        clock.advance(Duration.ofSeconds(10));
        assertEquals(1, total());
    }

    private long total() throws Exception {
        JsonNode t = ConsoleHarness.JSON.readTree(get("/live/kota-tangerang.json", "application/json").body()).get("total");
        return t.get("notYetHandled").asLong() + t.get("inProgress").asLong() + t.get("handled").asLong();
    }

    /** The board's groups counted straight from the complaint table. */
    private Map<String, Long> sqlTally(String where) {
        String base = "SELECT COUNT(*) FROM complaint c JOIN category k ON k.code = c.category_code WHERE 1 = 1" + where;
        long now = clock.millis();
        Map<String, Long> out = new HashMap<>();
        out.put("notYetHandled", count(base + " AND c.status IN ('RECEIVED', 'ASSIGNED')"));
        out.put("inProgress", count(base + " AND c.status = 'IN_PROGRESS'"));
        out.put("handled", count(base + " AND c.status = 'RESOLVED'"));
        out.put("rejected", count(base + " AND c.status = 'REJECTED'"));
        out.put("overdue", count(base + " AND c.status IN ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS') "
                + "AND c.filed_at + k.resolution_days * CAST(86400000 AS BIGINT) < " + now));
        return out;
    }

    private long count(String sql) {
        return kanal.kanal().database().read(c -> Statements.first(c, sql, rs -> rs.getLong(1)).orElseThrow());
    }

    private static Map<String, Long> tally(JsonNode t) {
        Map<String, Long> out = new HashMap<>();
        for (String k : List.of("notYetHandled", "inProgress", "handled", "rejected", "overdue")) {
            out.put(k, t.get(k).asLong());
        }
        return out;
    }

    private static JsonNode find(JsonNode rows, String code) {
        for (JsonNode r : rows) {
            if (r.get("code").asText().equals(code)) {
                return r;
            }
        }
        throw new AssertionError("no row " + code);
    }

    private String file(Resident r) {
        long before = count("SELECT COUNT(*) FROM complaint c JOIN category k ON k.code = c.category_code WHERE 1 = 1");
        String ticket = kanal.fileComplaint(r.number(), r.opening(), r.place(), r.description());
        assertEquals(before + 1, count("SELECT COUNT(*) FROM complaint c JOIN category k ON k.code = c.category_code "
                + "WHERE 1 = 1"), "one complaint filed by " + r.name());
        return ticket;
    }

    private void status(String ticket, String status) throws Exception {
        statusWithNote(ticket, status, "");
    }

    private void statusWithNote(String ticket, String status, String note) throws Exception {
        clock.advance(Duration.ofMinutes(1));
        HttpResponse<String> res = staff.post("/complaints/" + ticket + "/status", Map.of("status", status, "note", note));
        assertEquals(200, res.statusCode(), res.body());
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(kanal.base() + path)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private record Resident(String number, String name, String opening, String place, String description) {
    }
}
