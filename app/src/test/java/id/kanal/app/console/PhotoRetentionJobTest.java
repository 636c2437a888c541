package id.kanal.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.InboundMessage;
import id.kanal.dialog.Media;
import id.kanal.dialog.testing.MutableClock;
import id.kanal.services.complaints.PhotoRetention;
import id.kanal.store.Statements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code KANAL_PHOTO_RETENTION_DAYS} on a real server: the retention runs as the node's leased job
 * (its first round at start), and the console's complaint page then says the photo was deleted,
 * with the note in the history, and serves the photo no more. Unset: no job, photos kept.
 */
class PhotoRetentionJobTest {
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};

    @TempDir
    Path dataDir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T03:00:00Z"));
    private ConsoleHarness kanal;

    @AfterEach
    void stop() {
        if (kanal != null) {
            kanal.close();
        }
    }

    @Test
    void retention_deletesAClosedComplaintsPhoto_atTheNextRound_andThePageSaysSo() throws Exception {
        kanal = new ConsoleHarness(dataDir, clock, Map.of());
        assertFalse(kanal.kanal().jobs().runsHere(PhotoRetention.JOB), "unset: photos are kept, no job");
        String ticket = fileWithStoredPhoto();
        ConsoleHarness.Client admin = kanal.login("admin", ConsoleHarness.ADMIN_PASSWORD);
        assertEquals(200, admin.post("/complaints/" + ticket + "/status", Map.of("status", "IN_PROGRESS", "note", ""))
                .statusCode());
        assertEquals(200, admin.post("/complaints/" + ticket + "/status", Map.of("status", "RESOLVED", "note", "beres"))
                .statusCode());
        kanal.close();

        clock.advance(Duration.ofDays(31));
        kanal = new ConsoleHarness(dataDir, clock, Map.of("KANAL_PHOTO_RETENTION_DAYS", "30"));
        assertTrue(kanal.kanal().jobs().runsHere(PhotoRetention.JOB));
        ConsoleHarness.Client agent = kanal.login("admin", ConsoleHarness.ADMIN_PASSWORD);
        JsonNode page = agent.json(agent.get("/complaints/" + ticket + "/page"));
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!page.get("photos").get(0).get("state").asText().equals(PhotoRetention.REMOVED)) {
            assertTrue(System.nanoTime() < end, "the job's first round did not run: " + page);
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
            page = agent.json(agent.get("/complaints/" + ticket + "/page"));
        }
        assertTrue(page.get("photos").get(0).get("href").isNull(), "no link to a deleted photo");
        assertEquals(404, agent.get("/complaints/" + ticket + "/photos/0").statusCode());
        List<String> notes = StreamSupport.stream(page.get("history").spliterator(), false)
                .filter(h -> h.get("by").asText().equals(PhotoRetention.AUTHOR)).map(h -> h.get("text").asText()).toList();
        assertEquals(List.of("photo 1 deleted 30 days after the complaint was closed"), notes);
    }

    /** A WhatsApp complaint with a photo, its bytes stored as the fetcher would store them. */
    private String fileWithStoredPhoto() {
        Address resident = new Address(Channel.WHATSAPP, "+6281366660001");
        kanal.resident(Channel.WHATSAPP, resident.value(), "lapor jalan berlubang");
        kanal.kanal().engine().handle(new InboundMessage("wa-photo-1", resident, "",
                List.of(new Media("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1", "image/jpeg")),
                Optional.empty(), clock.instant()));
        kanal.resident(Channel.WHATSAPP, resident.value(), "Jl. Kenanga 5");
        kanal.resident(Channel.WHATSAPP, resident.value(), "Lubang besar di tengah jalan");
        kanal.resident(Channel.WHATSAPP, resident.value(), "ya");
        String ticket = kanal.kanal().database().read(c -> Statements.first(c, "SELECT ticket FROM complaint_media",
                rs -> rs.getString(1)).orElseThrow());
        kanal.kanal().database().inTransaction(c -> {
            Statements.update(c, "UPDATE complaint_media SET fetch_state = 'STORED' WHERE ticket = ?", ticket);
            return Statements.update(c, "INSERT INTO complaint_photo (ticket, position, content_type, size_bytes, bytes, "
                    + "stored_at) VALUES (?, 0, 'image/jpeg', ?, ?, ?)", ticket, JPEG.length, JPEG, clock.millis());
        });
        return ticket;
    }
}
