package id.kanal.services.complaints;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.Media;
import id.kanal.dialog.port.ComplaintStatus;
import id.kanal.dialog.port.NewComplaint;
import id.kanal.store.Statements;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Photo retention over a real desk: the photos of a complaint closed longer than the retention
 * lose their bytes and their provider URL (a photo still waiting to be fetched is never fetched),
 * a staff note says so, and open complaints, recently closed ones and reopened ones keep theirs.
 */
class PhotoRetentionTest extends DeskTest {
    private static final String URL = "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM%d/Media/ME1";
    private final PhotoFetcherTest.ScriptedProvider provider = new PhotoFetcherTest.ScriptedProvider();

    private String fileWithPhotos(int n, int photos) {
        List<Media> media = java.util.stream.IntStream.range(0, photos)
                .mapToObj(i -> new Media(URL.formatted(n * 10 + i), "image/jpeg")).toList();
        return desk.file(new NewComplaint("k" + n, new Address(Channel.WHATSAPP, "+62812000000" + n), "jalan-rusak",
                "Jl. Melati " + n, "Lubang besar", Optional.empty(), media)).ticket();
    }

    private void close(String ticket, ComplaintStatus how) {
        if (how == ComplaintStatus.RESOLVED) {
            desk.changeStatus(ticket, ComplaintStatus.IN_PROGRESS, "agent:siti", "");
        }
        desk.changeStatus(ticket, how, "agent:siti", how == ComplaintStatus.REJECTED ? "bukan wewenang kota" : "beres");
    }

    private List<String> states(String ticket) {
        return new ComplaintPhotos(db).of(ticket).stream().map(ComplaintPhotos.Photo::state).toList();
    }

    @Test
    void sweep_deletesThePhotosOfComplaintsClosedLongerThanTheRetention_andNotesIt() {
        String resolved = fileWithPhotos(1, 2);
        String open = fileWithPhotos(2, 1);
        String rejected = fileWithPhotos(3, 1);
        provider.then(PhotoFetcherTest.JPEG, PhotoFetcherTest.JPEG, PhotoFetcherTest.JPEG);
        PhotoFetcher fetcher = new PhotoFetcher(db, List.of(provider), 4096, clock);
        assertEquals(3, fetcher.fetchOnce(), "the provider answers three times: the rejected one's photo stays PENDING");
        assertEquals(List.of("STORED", "STORED"), states(resolved));
        assertEquals(List.of("PENDING"), states(rejected));
        close(resolved, ComplaintStatus.RESOLVED);
        close(rejected, ComplaintStatus.REJECTED);
        PhotoRetention retention = new PhotoRetention(db, clock, 30);

        clock.advance(Duration.ofDays(30).minusMinutes(1));
        assertEquals(0, retention.sweep(), "not yet 30 days closed");
        clock.advance(Duration.ofMinutes(2));
        assertEquals(3, retention.sweep());

        assertEquals(List.of("REMOVED", "REMOVED"), states(resolved));
        assertEquals(List.of("REMOVED"), states(rejected), "a photo never fetched goes too");
        assertEquals(List.of("STORED"), states(open), "an open complaint keeps its photo");
        assertEquals(Optional.empty(), new ComplaintPhotos(db).photo(resolved, 0));
        assertTrue(new ComplaintPhotos(db).photo(open, 0).isPresent());
        assertEquals(1L, count("SELECT COUNT(*) FROM complaint_photo"), "only the open complaint's bytes are left");
        assertEquals(0L, count("SELECT COUNT(*) FROM complaint_media WHERE ticket IN ('" + resolved + "', '" + rejected
                + "') AND url <> ''"), "no provider URL is kept to fetch them again");
        assertEquals(List.of("kanal:photo-retention photos 1, 2 deleted 30 days after the complaint was closed"),
                notes(resolved));
        assertEquals(List.of("kanal:photo-retention photo 1 deleted 30 days after the complaint was closed"),
                notes(rejected));

        assertEquals(0, retention.sweep(), "nothing twice");
        assertEquals(0, fetcher.fetchOnce(), "the removed photo waiting to be fetched is not fetched");
        assertEquals(1, notes(resolved).size(), "one note");
    }

    @Test
    void aComplaintReopenedInTime_keepsItsPhotos() {
        String ticket = fileWithPhotos(4, 1);
        provider.then(PhotoFetcherTest.JPEG);
        new PhotoFetcher(db, List.of(provider), 4096, clock).fetchOnce();
        close(ticket, ComplaintStatus.RESOLVED);
        PhotoRetention retention = new PhotoRetention(db, clock, 1);
        clock.advance(Duration.ofHours(20));
        desk.changeStatus(ticket, ComplaintStatus.IN_PROGRESS, "agent:siti", "dibuka lagi");
        clock.advance(Duration.ofDays(10));
        assertEquals(0, retention.sweep());
        assertEquals(List.of("STORED"), states(ticket));
        assertThrows(IllegalArgumentException.class, () -> new PhotoRetention(db, clock, 0));
    }

    private long count(String sql) {
        return db.read(c -> Statements.first(c, sql, rs -> rs.getLong(1)).orElseThrow());
    }

    private List<String> notes(String ticket) {
        return db.read(c -> Statements.list(c, "SELECT author, body FROM complaint_note WHERE ticket = ? ORDER BY seq",
                rs -> rs.getString(1) + " " + rs.getString(2), ticket));
    }
}
