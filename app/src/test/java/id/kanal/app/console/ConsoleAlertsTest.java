package id.kanal.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console's area alerts and satisfaction figures through real routing: roles, estimate, send, funnel, bad input. */
class ConsoleAlertsTest extends ConsoleOnServer {
    ConsoleAlertsTest() {
        super(Instant.parse("2026-11-22T03:00:00Z"));
    }

    @Test
    void supervisor_estimatesThenSends_theFunnelShowsWhatWasQueued() throws Exception {
        kanal.sms("+6281234500011", "DAFTAR BANJIR Sukasari");
        kanal.sms("+6281234500012", "DAFTAR BANJIR Cikokol");
        var lead = kanal.createAccount("lead", Role.SUPERVISOR);
        assertEquals(13, lead.json(lead.get("/areas")).get("kecamatan").size());
        Map<String, String> body = Map.of("areaKind", "kecamatan", "area", "Tangerang",
                "text", "Banjir setinggi 50 cm di Jl. Sukasari. Hindari jalan ini.");
        JsonNode estimate = lead.json(lead.post("/alerts/estimate", body));
        assertEquals(2, estimate.get("recipients").asInt());
        assertEquals(2, estimate.get("byChannel").get("sms").asInt());
        assertEquals(700, estimate.get("estimatedCost").asLong());
        int queuedBefore = kanal.kanal().database().read(c -> id.kanal.store.Statements.first(c,
                "SELECT COUNT(*) FROM outbox WHERE kind = 'area-alert'", rs -> rs.getInt(1)).orElse(0));
        assertEquals(0, queuedBefore, "nothing sent by an estimate");

        JsonNode sent = lead.json(lead.post("/alerts", body));
        assertEquals(estimate.get("recipients"), sent.get("estimate").get("recipients"));
        assertEquals(estimate.get("estimatedCost"), sent.get("estimate").get("estimatedCost"));
        assertEquals(2, sent.get("queued").asInt());
        JsonNode funnel = lead.json(lead.get("/alerts/" + sent.get("id").asText()));
        assertEquals("staff:lead", funnel.get("sentBy").asText());
        assertEquals(1, lead.json(lead.get("/alerts")).get("alerts").size());
    }

    @Test
    void agents_cannotSend_badInputIs400() throws Exception {
        var agent = kanal.createAccount("budi", Role.AGENT);
        Map<String, String> body = Map.of("areaKind", "kelurahan", "area", "Sukasari", "text", "Banjir");
        assertEquals(403, agent.post("/alerts", body).statusCode());
        assertEquals(403, agent.post("/alerts/estimate", body).statusCode());
        assertEquals(200, agent.get("/satisfaction").statusCode(), "the dashboard's figures are for agents too");
        var lead = kanal.createAccount("lead", Role.SUPERVISOR);
        HttpResponse<String> unknown = lead.post("/alerts/estimate", Map.of("areaKind", "kelurahan", "area", "Atlantis",
                "text", "Banjir"));
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("no kelurahan named Atlantis"), unknown.body());
        assertEquals(400, lead.post("/alerts", Map.of("areaKind", "provinsi", "area", "Banten", "text", "x")).statusCode());
        assertEquals(400, lead.post("/alerts", Map.of("areaKind", "kelurahan", "area", "Sukasari")).statusCode());
        assertEquals(400, lead.post("/alerts", Map.of("areaKind", "kelurahan", "area", "Sukasari", "text",
                "x".repeat(251))).statusCode());
        assertEquals(404, lead.get("/alerts/no-such-id").statusCode());
    }
}
