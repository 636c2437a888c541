package id.kanal.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import id.kanal.dialog.Channel;
import id.kanal.dialog.testing.MutableClock;
import id.kanal.store.testing.TestDatabase;
import id.kanal.store.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The tools of a busy shift through the console's API: search, CSV export, canned replies with
 * variables, the account's language, weekly trends and the overdue list, and auto-assignment.
 */
@ExtendWith(TestDatabases.class)
class ConsoleBusyShiftTest {
    /** Sunday 10:00 in Tangerang (UTC+7). */
    private static final Instant SUNDAY = Instant.parse("2026-11-22T03:00:00Z");
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;
    private final MutableClock clock = new MutableClock(SUNDAY);
    private ConsoleHarness kanal;
    private ConsoleHarness.Client agent;
    private final List<InputStream> streams = new ArrayList<>();

    @BeforeEach
    void start(TestInfo test, TestDatabase database) throws Exception {
        Map<String, String> keys = new java.util.HashMap<>(Map.of("kanal.console.session-ttl", "P60D"));
        if (test.getTestMethod().orElseThrow().getName().startsWith("autoAssignment")) {
            keys.put("kanal.console.auto-assign-cap", "2");
        }
        kanal = new ConsoleHarness(dataDir, clock, database.env(), keys);
        agent = kanal.createAccount("budi", Role.AGENT);
    }

    @AfterEach
    void stop() throws Exception {
        for (InputStream s : streams) {
            s.close();
        }
        kanal.close();
    }

    @Test
    void search_byTicket_lastPhoneDigits_andWords_acrossComplaintsAndConversations() throws Exception {
        String rubbish = file("+6281234509876", "lapor sampah", "Jl. Merdeka 5", "Sampah menumpuk di depan pasar");
        String road = file("+6281399991111", "lapor jalan berlubang", "Jl. Daan Mogot", "Lubang besar dekat halte");
        kanal.resident(Channel.TELEGRAM, "100000042", "Halo, lampu taman mati");

        assertEquals(List.of(rubbish), searchTickets("9876"), "the last digits of the number");
        assertEquals(List.of(rubbish), searchTickets("0812-3450 9876"), "a whole number in domestic form");
        assertEquals(List.of(road), searchTickets(road.toLowerCase(java.util.Locale.ROOT)), "a ticket code, any case");
        assertEquals(List.of(road), searchTickets("HALTE lubang"), "every word, in any order and case");
        assertEquals(List.of(rubbish), searchTickets("merdeka"), "the place a resident typed");
        assertEquals(List.of(), searchTickets("lubang pasar"), "all words must match");
        assertEquals(List.of(), searchTickets("100%"), "LIKE wildcards are literal");

        JsonNode phone = agent.json(agent.get("/search?q=9876"));
        assertEquals(List.of("sms/+6281234509876"), keys(phone.get("conversations")));
        JsonNode words = agent.json(agent.get("/search?q=lampu%20taman"));
        assertEquals(List.of("telegram/100000042"), keys(words.get("conversations")), "words a resident wrote");
        assertEquals(0, words.get("complaints").size());

        assertEquals(400, agent.get("/search?q=").statusCode());
        assertEquals(400, agent.get("/search?q=" + "x".repeat(101)).statusCode());
        assertEquals(401, kanal.client().get("/search?q=9876").statusCode());
        // The complaint list takes the same search, with its other filters.
        assertEquals(List.of(rubbish), agent.tickets("/complaints?q=9876&category=sampah"));
        assertEquals(List.of(), agent.tickets("/complaints?q=9876&category=jalan-rusak"));
    }

    @Test
    void export_rowsMatchTheFilter_numbersMaskedForAgents_fullForSupervisors() throws Exception {
        String rubbish = file("+6281234509876", "lapor sampah", "Jl. Merdeka 5", "Sampah, \"busuk\" =1+1 hubungi 081234509876");
        String road = file("+6281399991111", "lapor jalan berlubang", "Jl. Daan Mogot", "Lubang besar");
        file("+6281399992222", "lapor sampah", "Pasar Anyar", "Sampah di pasar");

        HttpResponse<String> res = agent.get("/complaints.csv?category=sampah&q=9876");
        assertEquals(200, res.statusCode());
        assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(res.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"));
        assertTrue(res.body().startsWith("\uFEFF") && res.body().contains("\r\n"), "UTF-8 marked, CRLF rows");
        List<List<String>> rows = csv(res.body());
        assertEquals(List.of("Tiket", "Status", "Kategori", "Dinas", "Lokasi", "Uraian", "Kanal", "Warga", "Dilaporkan",
                "Batas waktu", "terlambat"), rows.get(0), "an Indonesian header for an Indonesian account");
        assertEquals(2, rows.size(), rows.toString());
        List<String> row = rows.get(1);
        assertEquals(rubbish, row.get(0));
        assertEquals("Diteruskan ke dinas", row.get(1));
        // Masked, and (like every cell starting with + = - @) marked as text so a spreadsheet never runs it.
        assertEquals("'+6281******876", row.get(7), "an agent's export masks the number");
        assertFalse(row.get(5).contains("081234509876"), "and numbers in the description: " + row.get(5));
        assertTrue(row.get(5).startsWith("Sampah, \"busuk\" =1+1"), row.get(5));
        assertEquals("Jl. Merdeka 5", row.get(4));
        assertEquals("2026-11-22 10:00", row.get(8), "filed, in the region's time");

        // The list and the export answer the same filter with the same complaints.
        assertEquals(agent.tickets("/complaints?category=sampah"), column(agent.get("/complaints.csv?category=sampah").body()));
        assertEquals(List.of(road), column(agent.get("/complaints.csv?agency=pupr").body()));

        ConsoleHarness.Client lead = kanal.createAccount("lead", Role.SUPERVISOR);
        assertEquals(200, lead.post("/me/language", Map.of("language", "en")).statusCode());
        List<List<String>> full = csv(lead.get("/complaints.csv?q=" + rubbish).body());
        assertEquals("Ticket", full.get(0).get(0), "an English header for an English account");
        assertEquals("'+6281234509876", full.get(1).get(7), "a supervisor's export shows the number");
        assertEquals("Assigned", full.get(1).get(1));
        assertEquals("'=cmd", ComplaintCsv.cell("=cmd"), "a formula is written as text");
        assertEquals(401, kanal.client().get("/complaints.csv").statusCode());
    }

    @Test
    void cannedReply_variablesFilledInTheResidentsLanguage_pickedByShortcut() throws Exception {
        ConsoleHarness.Client lead = kanal.createAccount("lead", Role.SUPERVISOR);
        assertEquals(201, lead.post("/canned", Map.of("title", "Status laporan", "shortcut", "/ST",
                "body", "Laporan {tiket} {status}. Salam, {agen}.",
                "bodyEn", "Report {tiket} is {status}. Regards, {agen}.")).statusCode());
        assertEquals(409, lead.post("/canned", Map.of("title", "Lain", "shortcut", "st", "body", "x")).statusCode(),
                "a shortcut picks one reply");
        assertEquals(400, lead.post("/canned", Map.of("title", "Lain", "shortcut", "a b", "body", "x")).statusCode());
        assertEquals(403, agent.post("/canned", Map.of("title", "Lain", "body", "x")).statusCode());

        String ticket = file("+6281234509876", "lapor sampah", "Jl. Merdeka 5", "Sampah menumpuk");
        kanal.resident(Channel.SMS, "+6281234509876", "petugas");
        assertEquals(200, agent.post("/conversations/sms/+6281234509876/take", Map.of()).statusCode());
        JsonNode canned = agent.json(agent.get("/conversations/sms/+6281234509876")).get("canned").get(0);
        assertEquals("st", canned.get("shortcut").asText());
        assertEquals("Laporan " + ticket + " diteruskan ke dinas. Salam, Budi.", canned.get("text").asText());

        // An English-speaking resident gets the English text and the status in English.
        kanal.resident(Channel.SMS, "+6281399991111", "BAHASA EN");
        String road = file("+6281399991111", "report road damage", "Jl. Daan Mogot", "Big hole");
        kanal.resident(Channel.SMS, "+6281399991111", "agent");
        assertEquals(200, agent.post("/conversations/sms/+6281399991111/take", Map.of()).statusCode());
        JsonNode en = agent.json(agent.get("/conversations/sms/+6281399991111"));
        assertEquals("en", en.get("conversation").get("language").asText());
        assertEquals("Report " + road + " is sent to the agency. Regards, Budi.", en.get("canned").get(0).get("text").asText());

        // A resident without complaints: the variable stays for the agent to see before sending.
        kanal.resident(Channel.TELEGRAM, "100000042", "petugas");
        JsonNode none = agent.json(agent.get("/conversations/telegram/100000042"));
        assertEquals("Laporan {tiket} {status}. Salam, Budi.", none.get("canned").get(0).get("text").asText());
    }

    @Test
    void language_indonesianByDefault_englishPerAccount_keptAcrossLogins() throws Exception {
        JsonNode me = agent.json(agent.get("/me"));
        assertEquals("id", me.get("language").asText());
        assertEquals("Asia/Jakarta", me.get("zone").asText());
        assertEquals(200, agent.post("/me/language", Map.of("language", "en")).statusCode());
        assertEquals("en", agent.json(kanal.login("budi", "budi-password").get("/me")).get("language").asText());
        assertEquals(400, agent.post("/me/language", Map.of("language", "fr")).statusCode());
        assertEquals("id", agent.json(kanal.login("admin", ConsoleHarness.ADMIN_PASSWORD).get("/me")).get("language").asText(),
                "another account keeps its own");
        ConsoleHarness.Client noToken = kanal.login("budi", "budi-password");
        noToken.csrf = null;
        assertEquals(403, noToken.post("/me/language", Map.of("language", "id")).statusCode());
    }

    @Test
    void trends_weeklyPerAgency_andOverdueMostOverdueFirst() throws Exception {
        String early = file("+6281234500001", "lapor sampah", "Jl. Merdeka 5", "Sampah tidak diangkut"); // Sunday, last week
        clock.advance(Duration.ofDays(1)); // Monday: this week
        String road = file("+6281234500002", "lapor jalan berlubang", "Jl. Daan Mogot", "Lubang besar");
        String later = file("+6281234500003", "lapor sampah", "Pasar Anyar", "Sampah di pasar");
        status(road, "IN_PROGRESS");
        status(road, "RESOLVED");
        clock.advance(Duration.ofDays(4)); // Friday: the Sunday rubbish is 2 days late, Monday's 1

        JsonNode d = agent.json(agent.get("/dashboard/trends"));
        assertEquals(8, d.get("weeks").size());
        assertEquals(Instant.parse("2026-11-22T17:00:00Z").toEpochMilli(), d.get("weeks").get(7).asLong(),
                "this week starts on Monday 00:00 in Tangerang");
        JsonNode dlh = agency(d, "dlh");
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 0L, 1L, 1L), longs(dlh.get("filed")));
        JsonNode pupr = agency(d, "pupr");
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 1L), longs(pupr.get("filed")));
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 1L), longs(pupr.get("resolved")));
        assertEquals(2, d.get("overdueTotal").asInt());
        assertEquals(List.of(early, later), StreamSupport.stream(d.get("overdue").spliterator(), false)
                .map(n -> n.get("ticket").asText()).toList(), "most overdue first; resolved ones are not listed");
        assertEquals(2, d.get("overdue").get(0).get("daysOverdue").asInt());
    }

    @Test
    void autoAssignment_twoAgents_fewestOpenFirst_underTheCap_manualTakeStillExclusive() throws Exception {
        ConsoleHarness.Client ani = kanal.createAccount("ani", Role.AGENT);
        ConsoleHarness.Client admin = kanal.login("admin", ConsoleHarness.ADMIN_PASSWORD);
        // Nobody online: a resident waits.
        kanal.resident(Channel.SMS, "+6281200000001", "petugas");
        online(admin); // an admin watching is not given conversations ("admin" sorts before "ani")
        online(ani);
        online(agent);
        assertEquals("ani", ownerSoon("+6281200000001"), "a tie (0 and 0) goes by name");
        kanal.resident(Channel.SMS, "+6281200000002", "petugas");
        assertEquals("budi", ownerSoon("+6281200000002"), "the fewest open conversations");
        kanal.resident(Channel.SMS, "+6281200000003", "petugas");
        assertEquals("ani", ownerSoon("+6281200000003"));
        kanal.resident(Channel.SMS, "+6281200000004", "petugas");
        assertEquals("budi", ownerSoon("+6281200000004"));
        // Both at the cap of 2: the fifth waits; a take of someone else's conversation is refused.
        kanal.resident(Channel.SMS, "+6281200000005", "petugas");
        assertEquals(409, ani.post("/conversations/sms/+6281200000002/take", Map.of()).statusCode());
        assertEquals("queued", mode("+6281200000005"));
        // A manual take is not capped.
        assertEquals(200, ani.post("/conversations/sms/+6281200000005/take", Map.of()).statusCode());
        assertEquals(409, agent.post("/conversations/sms/+6281200000005/take", Map.of()).statusCode(), "exclusive");
        // Budi hands one back: the next waiting resident goes to him, not to ani (3, over the cap).
        kanal.resident(Channel.SMS, "+6281200000006", "petugas");
        assertEquals(200, agent.post("/conversations/sms/+6281200000004/handback", Map.of()).statusCode());
        assertEquals("budi", ownerSoon("+6281200000006"));
    }

    @Test
    void autoAssignment_neverGivesTheQueueToAnAgencyDesk_andSaysItWasAutomatic() throws Exception {
        ConsoleHarness.Client admin = kanal.login("admin", ConsoleHarness.ADMIN_PASSWORD);
        assertEquals(201, admin.post("/accounts", Map.of("username", "sari", "role", "agent", "password",
                "sari-password", "agency", "dlh")).statusCode());
        ConsoleHarness.Client sari = kanal.login("sari", "sari-password");
        online(sari); // online alone: the first resident waits rather than go to an agency desk
        kanal.resident(Channel.SMS, "+6281200000011", "petugas");
        assertEquals("queued", mode("+6281200000011"));
        online(agent);
        assertEquals("budi", ownerSoon("+6281200000011"), "the agency desk's account is passed over");
        kanal.resident(Channel.SMS, "+6281200000012", "petugas");
        assertEquals("budi", ownerSoon("+6281200000012"), "even with fewer open conversations");
        // Sari may still take one by hand.
        kanal.resident(Channel.SMS, "+6281200000013", "petugas");
        until(() -> "queued".equals(mode("+6281200000013"))); // budi is at the cap of 2
        assertEquals(200, sari.post("/conversations/sms/+6281200000013/take", Map.of()).statusCode());

        JsonNode lines = agent.json(agent.get("/conversations/sms/+6281200000011")).get("transcript");
        List<String> notes = StreamSupport.stream(lines.spliterator(), false)
                .filter(l -> l.get("direction").asText().equals("note")).map(l -> l.get("body").asText()).toList();
        assertEquals(List.of("was assigned the conversation automatically"), notes, "not a take of budi's own");
        JsonNode taken = sari.json(sari.get("/conversations/sms/+6281200000013")).get("transcript");
        assertTrue(StreamSupport.stream(taken.spliterator(), false)
                .anyMatch(l -> l.get("body").asText().equals("took the conversation")), "a manual take says so");
    }

    /** Opens the account's live event stream, as its browser would: it is online while this is open. */
    private void online(ConsoleHarness.Client c) throws Exception {
        streams.add(kanal.online(c));
    }

    private String ownerSoon(String number) throws Exception {
        until(() -> "agent".equals(mode(number)));
        return agent.json(agent.get("/conversations/sms/" + number)).get("conversation").get("agent").asText();
    }

    private String mode(String number) {
        try {
            return agent.json(agent.get("/conversations/sms/" + number)).get("conversation").get("mode").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for a condition the server reaches on its own thread, up to a deadline. */
    private static void until(Supplier<Boolean> condition) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > end) {
                fail("not reached within " + DEADLINE);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private static JsonNode agency(JsonNode d, String key) {
        for (JsonNode a : d.get("agencies")) {
            if (a.get("key").asText().equals(key)) {
                return a;
            }
        }
        throw new AssertionError("no agency " + key);
    }

    private static List<Long> longs(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false).map(JsonNode::asLong).toList();
    }

    private static List<String> keys(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false).map(n -> n.get("key").asText()).toList();
    }

    private List<String> searchTickets(String q) throws Exception {
        var res = agent.get("/search?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, res.statusCode(), res.body());
        return StreamSupport.stream(agent.json(res).get("complaints").spliterator(), false)
                .map(n -> n.get("ticket").asText()).toList();
    }

    /** The CSV's first column, header left out. */
    private static List<String> column(String body) {
        return csv(body).stream().skip(1).map(r -> r.get(0)).toList();
    }

    /**
     * A small RFC 4180 reader: quoted cells, doubled quotes, CRLF rows (LF too: a browser's script
     * may hand the text over with bare line feeds); the byte-order mark dropped.
     */
    static List<List<String>> csv(String body) {
        String s = body.startsWith("\uFEFF") ? body.substring(1) : body;
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                cell.append(c);
            }
        }
        return rows;
    }

    private String file(String from, String... texts) {
        return kanal.fileComplaint(from, texts);
    }

    private void status(String ticket, String status) throws Exception {
        clock.advance(Duration.ofMinutes(1));
        assertEquals(200, agent.post("/complaints/" + ticket + "/status", Map.of("status", status, "note", ""))
                .statusCode());
    }
}
