package id.kanal.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Prices page shows each content pack's freshness to admins: items, when, from where, example data or not. */
class ConsolePacksTest extends ConsoleOnServer {
    private static final Instant NOW = Instant.parse("2026-11-23T03:00:00Z");

    ConsolePacksTest() {
        super(NOW);
    }

    @Test
    void admin_seesEveryPacksFreshness_othersDoNot() throws Exception {
        var admin = kanal.login("admin", ConsoleHarness.ADMIN_PASSWORD);
        JsonNode packs = admin.json(admin.get("/packs")).get("packs");
        assertEquals(List.of("lowongan-kerja", "wisata", "perizinan", "nomor-penting"),
                java.util.stream.StreamSupport.stream(packs.spliterator(), false).map(p -> p.get("code").asText()).toList());
        JsonNode jobs = packs.get(0);
        assertEquals("Lowongan kerja", jobs.get("nameId").asText());
        assertEquals("Job vacancies", jobs.get("nameEn").asText());
        assertEquals(16, jobs.get("items").asInt());
        assertEquals("region-file", jobs.get("source").asText());
        assertTrue(jobs.get("example").asBoolean());
        assertEquals(NOW.toEpochMilli(), jobs.get("importedAt").asLong());
        var agent = kanal.createAccount("siti", Role.AGENT);
        assertEquals(403, agent.get("/packs").statusCode());
        assertEquals(401, kanal.client().get("/packs").statusCode());
    }
}
