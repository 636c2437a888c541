package id.kanal.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.GeoPoint;
import id.kanal.dialog.InboundMessage;
import id.kanal.services.complaints.ComplaintFiling;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The complaint page over HTTP: the place (OpenStreetMap, the address as typed), complaints within 200 m, the history. */
class ComplaintPageTest extends ConsoleOnServer {
    private static final GeoPoint HERE = new GeoPoint(-6.1783, 106.6319);
    private static final String RESIDENT = "+6281377770001";

    private final AtomicInteger keys = new AtomicInteger();
    private ConsoleHarness.Client agent;

    ComplaintPageTest() {
        super(Instant.parse("2026-12-01T02:00:00Z"));
    }

    @BeforeEach
    void start() throws Exception {
        agent = kanal.createAccount("siti", Role.AGENT);
    }

    /** A point {@code north} and {@code east} metres from HERE. */
    private static GeoPoint from(double north, double east) {
        return new GeoPoint(HERE.latitude() + north / 111_195.0,
                HERE.longitude() + east / (111_195.0 * Math.cos(Math.toRadians(HERE.latitude()))));
    }

    private String file(String category, String location, Optional<GeoPoint> point) {
        return kanal.kanal().complaints().file(new ComplaintFiling("test:" + keys.incrementAndGet(), "sms",
                "+62813000000" + keys.get(), category, location, "Sudah seminggu", point, List.of(), "resident:sms")).ticket();
    }

    private JsonNode page(String ticket) throws Exception {
        var res = agent.get("/complaints/" + ticket + "/page");
        assertEquals(200, res.statusCode(), res.body());
        return agent.json(res);
    }

    @Test
    void place_coordinatesLinkToOpenStreetMap_andComplaintsWithin200mAreListedWithTheirDistance() throws Exception {
        String here = file("jalan-rusak", "Depan Pasar Anyar", Optional.of(HERE));
        String near = file("jalan-rusak", "Dekat masjid", Optional.of(from(120, 0)));
        String edge = file("sampah", "Gang Kenari", Optional.of(from(0, 199)));
        String other = file("lampu-jalan", "Tiang 14", Optional.of(from(-30, -40)));
        file("jalan-rusak", "Jauh", Optional.of(from(250, 0)));
        file("jalan-rusak", "Tanpa titik", Optional.empty());

        JsonNode page = page(here);

        JsonNode place = page.get("place");
        assertEquals(-6.1783, place.get("latitude").asDouble());
        assertEquals("https://www.openstreetmap.org/?mlat=-6.178300&mlon=106.631900#map=18/-6.178300/106.631900",
                place.get("osmUrl").asText());
        assertEquals("Depan Pasar Anyar", place.get("typed").asText());
        List<String> nearby = new ArrayList<>();
        page.get("nearby").forEach(n -> nearby.add(n.get("ticket").asText() + " " + n.get("meters").asLong() + " m "
                + n.get("categoryName").asText() + " " + n.get("duplicateOf").asText()));
        assertEquals(List.of(other + " 50 m Lampu jalan (PJU) null", near + " 120 m Jalan rusak " + here,
                edge + " 199 m Sampah null"), nearby);
    }

    @Test
    void place_aTypedAddressIsShownAsTyped_withoutCoordinatesOrNeighbours() throws Exception {
        String typed = "Jl. Kenanga No. 5, RT 03/RW 02 <dekat warung Bu Siti> & \"pos ronda\"";
        String ticket = file("sampah", typed, Optional.empty());
        file("sampah", "Jl. Kenanga No. 7", Optional.empty());

        JsonNode place = page(ticket).get("place");
        assertEquals(typed, place.get("typed").asText());
        assertTrue(place.get("latitude").isNull());
        assertTrue(place.get("osmUrl").isNull());
        assertEquals(0, page(ticket).get("nearby").size());
    }

    @Test
    void history_statusChangesNotesAndEveryMessageToTheResident_inOrder() throws Exception {
        Address resident = new Address(Channel.WHATSAPP, RESIDENT);
        kanal.resident(Channel.WHATSAPP, RESIDENT, "ada banjir di perumahan");
        // Kilometres from the other tests' places: on PostgreSQL they share one database.
        kanal.kanal().engine().handle(new InboundMessage("loc-1", resident, "", List.of(), Optional.of(from(5000, 0)),
                clock.instant()));
        String filing = kanal.resident(Channel.WHATSAPP, RESIDENT, "ya");
        String ticket = filing.replaceAll("(?s).*(TNG-\\d{6}).*", "$1");

        clock.advance(Duration.ofMinutes(5));
        assertEquals(200, agent.post("/complaints/" + ticket + "/status",
                Map.of("status", "IN_PROGRESS", "note", "Tim dikirim besok pagi")).statusCode());
        clock.advance(Duration.ofMinutes(5));
        var noted = agent.post("/complaints/" + ticket + "/notes", Map.of("text", "Warga minta ditelepon sebelum datang"));
        assertEquals(200, noted.statusCode(), noted.body());
        // The status went by SMS (the engine was called directly, so no WhatsApp window is open and no
        // template is set): a message to the resident on any channel is in the history.
        // Another resident's messages are not this complaint's.
        kanal.resident(Channel.WHATSAPP, "+6281377770002", "cek " + ticket);

        List<String> lines = new ArrayList<>();
        page(ticket).get("history").forEach(h -> lines.add(h.get("kind").asText() + " | " + h.get("by").asText() + " | "
                + (h.get("status").isNull() ? "" : h.get("status").asText()) + " | "
                + (h.get("channel").isNull() ? "" : h.get("channel").asText())));
        assertEquals(List.of(
                "status | resident:whatsapp | RECEIVED | ",
                "status | kanal:routing | ASSIGNED | ",
                "message | bot |  | whatsapp",
                "status | agent:siti | IN_PROGRESS | ",
                "message | kanal:status-change |  | sms",
                "note | agent:siti |  | "), lines);
        JsonNode history = page(ticket).get("history");
        assertTrue(history.get(2).get("text").asText().contains(ticket), history.get(2).toString());
        assertEquals("Tim dikirim besok pagi", history.get(3).get("text").asText());
        assertTrue(history.get(4).get("text").asText().contains("Tim dikirim besok pagi"), history.get(4).toString());
        assertEquals("PENDING", history.get(4).get("delivery").asText());
        assertEquals("Warga minta ditelepon sebelum datang", history.get(5).get("text").asText());
        assertTrue(kanal.outbox(RESIDENT).stream().noneMatch(m -> m.get("body").toString().contains("ditelepon")),
                "a staff note is never sent");
    }

    @Test
    void notes_refusedWhenEmptyTooLongUnknownOrWithoutASession() throws Exception {
        String ticket = file("sampah", "Pasar Anyar", Optional.empty());
        assertEquals(400, agent.post("/complaints/" + ticket + "/notes", Map.of("text", " ")).statusCode());
        assertEquals(400, agent.post("/complaints/" + ticket + "/notes", Map.of("text", "x".repeat(1001))).statusCode());
        assertEquals(404, agent.post("/complaints/TNG-999999/notes", Map.of("text", "catatan")).statusCode());
        assertEquals(404, agent.get("/complaints/TNG-999999/page").statusCode());
        ConsoleHarness.Client anonymous = kanal.client();
        assertEquals(401, anonymous.post("/complaints/" + ticket + "/notes", Map.of("text", "catatan")).statusCode());
        assertEquals(401, anonymous.get("/complaints/" + ticket + "/page").statusCode());
        agent.csrf = "wrong";
        assertEquals(403, agent.post("/complaints/" + ticket + "/notes", Map.of("text", "catatan")).statusCode());
    }
}
