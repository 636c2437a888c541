package id.kanal.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import id.kanal.dialog.Channel;
import id.kanal.store.Statements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Desks for staff (the LAKSA desk model): an agency account sees and changes only the complaints
 * routed to its agency, refused with a 403 and its reason on every console complaint route; moving
 * a complaint to another agency is a supervisor's action that needs a reason.
 */
class DesksTest extends ConsoleOnServer {
    private static final String RESIDENT = "+6281322220001";

    private ConsoleHarness.Client admin;
    private String rubbish; // routed to Dinas Lingkungan Hidup (dlh)
    private String road;    // routed to Dinas PUPR (pupr)

    @BeforeEach
    void start() throws Exception {
        admin = kanal.login("admin", ConsoleHarness.ADMIN_PASSWORD);
        rubbish = file("lapor sampah", "Jl. Kenari 12", "Sampah tidak diangkut seminggu");
        road = file("lapor jalan berlubang", "Jl. Daan Mogot 30", "Lubang besar di tengah jalan");
        assertEquals("dlh", agencyOf(rubbish));
        assertEquals("pupr", agencyOf(road));
    }

    @Test
    void agencyAccount_isRefusedOnAnotherAgencysTicket_routeByRoute_withTheReason() throws Exception {
        ConsoleHarness.Client dlh = staff("sari", "agent", "dlh");
        record Call(String method, String path, Object body) {
        }
        List<Call> routes = List.of(
                new Call("GET", "/complaints/" + road, null),
                new Call("POST", "/complaints/" + road + "/status", Map.of("status", "IN_PROGRESS", "note", "")),
                new Call("POST", "/complaints/" + road.toLowerCase(java.util.Locale.ROOT) + "/status",
                        Map.of("status", "IN_PROGRESS", "note", "")),
                new Call("GET", "/complaints/" + road + "/reassignments", null),
                new Call("POST", "/complaints/" + road + "/agency", Map.of("agency", "dlh", "reason", "salah kirim")),
                new Call("GET", "/complaints?agency=pupr", null));
        for (Call call : routes) {
            HttpResponse<String> res = call.body() == null ? dlh.get(call.path()) : dlh.post(call.path(), call.body());
            assertEquals(403, res.statusCode(), call.method() + " " + call.path() + ": " + res.body());
            String reason = dlh.json(res).get("error").asText();
            assertTrue(reason.contains("Dinas Lingkungan Hidup") || reason.contains("supervisor"),
                    call.path() + " says why: " + reason);
        }
        assertTrue(dlh.json(dlh.get("/complaints/" + road)).get("error").asText().contains("routed to Dinas PUPR"),
                "the 403 names the agency it is routed to");
        assertEquals("ASSIGNED", statusOf(road), "nothing changed");
        assertEquals("pupr", agencyOf(road));

        // Lists show only the agency's own complaints; its own ticket is served and changed as before.
        assertEquals(List.of(rubbish), tickets(dlh.json(dlh.get("/complaints"))));
        assertEquals(List.of(rubbish), tickets(dlh.json(dlh.get("/complaints?agency=dlh"))));
        JsonNode conversation = dlh.json(dlh.get("/conversations/sms/" + RESIDENT));
        assertEquals(List.of(rubbish), tickets(conversation.get("complaints")), "the resident's other complaints are hidden");
        assertEquals(200, dlh.get("/complaints/" + rubbish).statusCode());
        assertEquals(200, dlh.post("/complaints/" + rubbish + "/status", Map.of("status", "IN_PROGRESS", "note", ""))
                .statusCode());

        // An account of no agency sees both, as every account did before desks.
        assertEquals(List.of(road, rubbish), tickets(admin.json(admin.get("/complaints"))));
    }

    @Test
    void trends_ofAnAgencyAccount_showOnlyItsAgency_inWeeksAndTheOverdueList() throws Exception {
        staff("sari", "agent", "dlh");
        clock.advance(Duration.ofDays(20)); // both overdue: rubbish after 3 days, the road after 14
        ConsoleHarness.Client dlh = kanal.login("sari", "sari-password");
        admin = kanal.login("admin", ConsoleHarness.ADMIN_PASSWORD);
        JsonNode mine = dlh.json(dlh.get("/dashboard/trends"));
        assertEquals(List.of("dlh"), StreamSupport.stream(mine.get("agencies").spliterator(), false)
                .map(a -> a.get("key").asText()).toList(), "only its agency's row");
        assertEquals(1L, StreamSupport.stream(mine.get("agencies").get(0).get("filed").spliterator(), false)
                .mapToLong(JsonNode::asLong).sum(), "its one complaint, some weeks ago");
        assertEquals(List.of(rubbish), tickets(mine.get("overdue")));
        assertEquals(1, mine.get("overdueTotal").asLong());

        JsonNode all = admin.json(admin.get("/dashboard/trends"));
        assertEquals(9, all.get("agencies").size(), "an account of no agency sees every agency");
        assertEquals(List.of(rubbish, road), tickets(all.get("overdue")));
        assertEquals(2, all.get("overdueTotal").asLong());
    }

    @Test
    void reassignment_isASupervisorsAction_withAReason_andMovesTheDesk() throws Exception {
        ConsoleHarness.Client dlhAgent = staff("sari", "agent", "dlh");
        ConsoleHarness.Client dlhLead = staff("dewi", "supervisor", "dlh");
        ConsoleHarness.Client puprLead = staff("agus", "supervisor", "pupr");
        ConsoleHarness.Client puprAgent = staff("budi", "agent", "pupr");
        String move = "/complaints/" + rubbish + "/agency";

        HttpResponse<String> agent = dlhAgent.post(move, Map.of("agency", "pupr", "reason", "jalan, bukan sampah"));
        assertEquals(403, agent.statusCode());
        assertTrue(agent.body().contains("supervisor's action"), agent.body());
        assertEquals(403, puprLead.post(move, Map.of("agency", "pupr", "reason", "ambil alih")).statusCode(),
                "a supervisor of another agency cannot take it");

        HttpResponse<String> noReason = dlhLead.post(move, Map.of("agency", "pupr"));
        assertEquals(400, noReason.statusCode());
        assertTrue(noReason.body().contains("reason"), noReason.body());
        assertEquals(400, dlhLead.post(move, Map.of("agency", "pupr", "reason", "  ")).statusCode(), "a blank reason");
        assertEquals(400, dlhLead.post(move, Map.of("agency", "atlantis", "reason", "x")).statusCode(), "unknown agency");
        assertEquals(400, dlhLead.post(move, Map.of("agency", "dlh", "reason", "x")).statusCode(), "already there");
        assertEquals("dlh", agencyOf(rubbish), "nothing moved");

        clock.advance(Duration.ofMinutes(5));
        HttpResponse<String> moved = dlhLead.post(move, Map.of("agency", "pupr", "reason", "Sampah menutup saluran jalan"));
        assertEquals(200, moved.statusCode(), moved.body());
        JsonNode body = dlhLead.json(moved);
        assertEquals("dlh", body.get("reassignment").get("fromAgency").asText());
        assertEquals("pupr", body.get("complaint").get("complaint").get("agency").asText());
        assertEquals("pupr", agencyOf(rubbish));
        assertEquals("ASSIGNED", statusOf(rubbish), "the status stays");
        assertEquals(1L, (long) kanal.kanal().database().read(c -> Statements.first(c, "SELECT COUNT(*) FROM "
                + "complaint_reassignment WHERE ticket = ? AND reason = ? AND changed_by = ?", rs -> rs.getLong(1),
                rubbish, "Sampah menutup saluran jalan", "agent:dewi").orElseThrow()));

        // The desks follow the complaint: DLH no longer sees it, PUPR does, with its move.
        assertEquals(403, dlhAgent.get("/complaints/" + rubbish).statusCode());
        assertEquals(200, puprAgent.get("/complaints/" + rubbish).statusCode());
        JsonNode history = puprAgent.json(puprAgent.get("/complaints/" + rubbish + "/reassignments"));
        assertEquals(1, history.size());
        assertEquals("Sampah menutup saluran jalan", history.get(0).get("reason").asText());

        // A closed complaint stays where it was closed.
        assertEquals(200, admin.post("/complaints/" + road + "/status", Map.of("status", "REJECTED", "note", "ganda"))
                .statusCode());
        assertEquals(409, admin.post("/complaints/" + road + "/agency", Map.of("agency", "dlh", "reason", "x")).statusCode());
    }

    @Test
    void accounts_getTheirDesk_fromTheConsoleAndTheCommand() throws Exception {
        JsonNode created = admin.json(admin.post("/accounts", Map.of("username", "rina", "role", "agent",
                "password", "rina-password")));
        assertEquals("kota-tangerang", created.get("region").asText(), "the deployment's region by default");
        assertTrue(created.get("agency").isNull());
        JsonNode provincial = admin.json(admin.post("/accounts", Map.of("username", "prov", "role", "supervisor",
                "password", "prov-password", "region", "all")));
        assertEquals("all", provincial.get("region").asText());

        HttpResponse<String> region = admin.post("/accounts", Map.of("username", "x1", "role", "agent",
                "password", "x1-password", "region", "atlantis"));
        assertEquals(400, region.statusCode());
        assertTrue(region.body().contains("unknown region: atlantis"), region.body());
        HttpResponse<String> agency = admin.post("/accounts", Map.of("username", "x2", "role", "agent",
                "password", "x2-password", "agency", "nasa"));
        assertEquals(400, agency.statusCode());
        assertTrue(agency.body().contains("unknown agency: nasa"), agency.body());

        // Moving an account to an agency's desk applies to its open session at once.
        ConsoleHarness.Client rina = kanal.login("rina", "rina-password");
        assertEquals(2, rina.json(rina.get("/complaints")).size());
        assertEquals(200, admin.post("/accounts/rina", Map.of("agency", "pupr")).statusCode());
        assertEquals(List.of(road), tickets(rina.json(rina.get("/complaints"))));
        assertEquals("pupr", rina.json(rina.get("/me")).get("deskAgency").asText());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = AddAgentCommand.run(kanal.kanal().database(), kanal.kanal().settings().console(),
                new DeskDirectory(List.of(kanal.kanal().region())), clock,
                new String[]{"--username", "tirta", "--role", "supervisor", "--agency", "tirta-benteng"},
                new ByteArrayInputStream("tirta-password\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(0, rc);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("region kota-tangerang, agency tirta-benteng"), out.toString());
        assertEquals(List.of(), tickets(kanal.login("tirta", "tirta-password").json(
                kanal.login("tirta", "tirta-password").get("/complaints"))));
        assertThrows(IllegalArgumentException.class, () -> AddAgentCommand.run(kanal.kanal().database(),
                kanal.kanal().settings().console(), new DeskDirectory(List.of(kanal.kanal().region())), clock,
                new String[]{"--username", "nobody", "--region", "atlantis"},
                new ByteArrayInputStream("nobody-password\n".getBytes(StandardCharsets.UTF_8)), System.out));
    }

    /** A staff account at a desk of the deployment's region, created by the admin through the console, logged in. */
    private ConsoleHarness.Client staff(String username, String role, String agency) throws Exception {
        HttpResponse<String> res = admin.post("/accounts", Map.of("username", username, "role", role,
                "password", username + "-password", "agency", agency));
        assertEquals(201, res.statusCode(), res.body());
        return kanal.login(username, username + "-password");
    }

    private String file(String... texts) {
        for (String t : texts) {
            kanal.resident(Channel.SMS, RESIDENT, t);
        }
        kanal.resident(Channel.SMS, RESIDENT, "ya");
        clock.advance(Duration.ofMinutes(1));
        return kanal.kanal().database().read(c -> Statements.first(c, "SELECT ticket FROM complaint ORDER BY filed_at DESC, "
                + "ticket DESC", rs -> rs.getString(1)).orElseThrow());
    }

    private String agencyOf(String ticket) {
        return column("agency_code", ticket);
    }

    private String statusOf(String ticket) {
        return column("status", ticket);
    }

    private String column(String column, String ticket) {
        return kanal.kanal().database().read(c -> Statements.first(c, "SELECT " + column + " FROM complaint WHERE ticket = ?",
                rs -> rs.getString(1), ticket).orElseThrow());
    }

    private static List<String> tickets(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false).map(n -> n.get("ticket").asText()).toList();
    }
}
