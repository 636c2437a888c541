package id.kanal.services.complaints;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.GeoPoint;
import id.kanal.dialog.Media;
import id.kanal.dialog.port.FiledComplaint;
import id.kanal.dialog.port.MediaDownloadException;
import id.kanal.dialog.port.MediaDownloader;
import id.kanal.dialog.port.NewComplaint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The photo fetcher over a real desk: what it keeps, what it refuses, when it asks again. The
 * provider side is a scripted {@link MediaDownloader} (the channels' real downloaders, against
 * fake Twilio and Telegram servers, are tested in channels and end to end in app).
 */
class PhotoFetcherTest extends DeskTest {
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};
    private static final String URL = "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1";
    private static final long MAX = 4096;

    /** A provider that answers from a script, in order, and records what it was asked. */
    static final class ScriptedProvider implements MediaDownloader {
        private final Deque<Object> answers = new ArrayDeque<>();
        final List<Long> asked = new ArrayList<>();

        ScriptedProvider then(Object... next) {
            answers.addAll(List.of(next));
            return this;
        }

        @Override
        public boolean handles(Media media) {
            return media.url().startsWith("https://api.twilio.com/");
        }

        @Override
        public byte[] download(Media media, long maxBytes) throws MediaDownloadException {
            asked.add(maxBytes);
            Object next = answers.removeFirst();
            if (next instanceof MediaDownloadException e) {
                throw e;
            }
            return (byte[]) next;
        }
    }

    private final ScriptedProvider provider = new ScriptedProvider();

    private PhotoFetcher fetcher() {
        return new PhotoFetcher(db, List.of(provider), MAX, clock);
    }

    private FiledComplaint fileWithPhoto(String key, String claimedType) {
        return desk.file(new NewComplaint(key, new Address(Channel.WHATSAPP, "+6281200000001"), "jalan-rusak",
                "Jl. Melati 3", "Lubang besar di tengah jalan", Optional.of(new GeoPoint(-6.1783, 106.6319)),
                List.of(new Media(URL, claimedType))));
    }

    private ComplaintPhotos.Photo photo(String ticket) {
        return new ComplaintPhotos(db).of(ticket).getFirst();
    }

    @Test
    void fetchOnce_keepsAnImage_typedByItsBytesNotByTheProvider() {
        FiledComplaint filed = fileWithPhoto("k1", "image/png");
        provider.then(JPEG);

        assertEquals(1, fetcher().fetchOnce());

        ComplaintPhotos.Photo p = photo(filed.ticket());
        assertEquals("STORED", p.state());
        assertEquals(Optional.of("image/jpeg"), p.contentType());
        assertEquals(JPEG.length, p.sizeBytes());
        ComplaintPhotos.Stored stored = new ComplaintPhotos(db).photo(filed.ticket(), 0).orElseThrow();
        assertArrayEquals(JPEG, stored.bytes());
        assertEquals(List.of(MAX), provider.asked, "the provider is told the cap");
        assertEquals(0, fetcher().fetchOnce(), "a stored photo is not fetched again");
    }

    @Test
    void detail_neverListsTheProvidersUrl() {
        FiledComplaint filed = fileWithPhoto("k1", "image/jpeg");
        assertEquals(List.of(), desk.queries().detail(filed.ticket()).orElseThrow().media());
        assertEquals(List.of(), desk.queries().list(ComplaintFilter.all(10)).getFirst().media());
    }

    @Test
    void fetchOnce_notAnImage_isRefusedAtOnce_andTheComplaintStays() {
        FiledComplaint filed = fileWithPhoto("k1", "image/jpeg");
        provider.then((Object) "%PDF-1.7 not a photo".getBytes());

        assertEquals(0, fetcher().fetchOnce());

        ComplaintPhotos.Photo p = photo(filed.ticket());
        assertEquals("FAILED", p.state());
        assertTrue(p.error().orElseThrow().startsWith("not an image"), p.error().toString());
        assertTrue(new ComplaintPhotos(db).photo(filed.ticket(), 0).isEmpty());
        assertTrue(desk.find(filed.ticket()).isPresent());
        clock.advance(Duration.ofDays(1));
        assertEquals(0, fetcher().fetchOnce());
        assertEquals(1, provider.asked.size(), "a refused photo is not asked for again");
    }

    @Test
    void fetchOnce_tooLarge_isRefusedAtOnce() {
        FiledComplaint filed = fileWithPhoto("k1", "image/jpeg");
        provider.then(MediaDownloadException.refused("Twilio media: larger than 4096 bytes"));

        fetcher().fetchOnce();

        assertEquals("FAILED", photo(filed.ticket()).state());
        assertEquals(Optional.of("Twilio media: larger than 4096 bytes"), photo(filed.ticket()).error());
    }

    @Test
    void fetchOnce_providerDown_asksAgainAfterTheBackoff_thenKeepsIt() {
        FiledComplaint filed = fileWithPhoto("k1", "image/jpeg");
        provider.then(MediaDownloadException.transientFailure("Twilio media: HTTP 503"), JPEG);
        PhotoFetcher fetcher = fetcher();

        assertEquals(0, fetcher.fetchOnce());
        assertEquals("PENDING", photo(filed.ticket()).state());
        assertEquals(1, photo(filed.ticket()).attempts());
        assertEquals(Optional.of("Twilio media: HTTP 503"), photo(filed.ticket()).error());

        clock.advance(Duration.ofSeconds(29));
        assertEquals(0, fetcher.fetchOnce());
        assertEquals(1, provider.asked.size(), "not before the backoff");

        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, fetcher.fetchOnce());
        assertEquals("STORED", photo(filed.ticket()).state());
        assertEquals(Optional.empty(), photo(filed.ticket()).error());
    }

    @Test
    void fetchOnce_providerDownForLong_givesUpAfterTheLastAttempt() {
        FiledComplaint filed = fileWithPhoto("k1", "image/jpeg");
        PhotoFetcher fetcher = fetcher();
        for (int i = 0; i < PhotoFetcher.MAX_ATTEMPTS; i++) {
            provider.then(MediaDownloadException.transientFailure("Twilio media: no answer"));
            fetcher.fetchOnce();
            clock.advance(Duration.ofHours(1));
        }
        assertEquals("FAILED", photo(filed.ticket()).state());
        assertEquals(PhotoFetcher.MAX_ATTEMPTS, photo(filed.ticket()).attempts());
        assertEquals(0, fetcher.fetchOnce());
    }

    @Test
    void fetchOnce_withoutAChannelForIt_waits() {
        FiledComplaint filed = fileWithPhoto("k1", "image/jpeg");
        new PhotoFetcher(db, List.of(), MAX, clock).fetchOnce();
        assertEquals("PENDING", photo(filed.ticket()).state());
        assertEquals(Optional.of("no channel is configured to fetch this photo"), photo(filed.ticket()).error());
    }

    @Test
    void open311Link_isKeptAsGiven_neverFetched_andListed() {
        FiledComplaint filed = desk.file(new ComplaintFiling("open311:1", "open311", "anonymous", "jalan-rusak",
                "Jl. Melati 3", "Lubang", Optional.empty(), List.of(new Media("https://city.example/p.jpg", "image/jpeg")),
                "open311"));
        assertEquals(0, fetcher().fetchOnce());
        assertEquals(List.of(), new ComplaintPhotos(db).of(filed.ticket()));
        assertEquals(List.of(new Media("https://city.example/p.jpg", "image/jpeg")),
                desk.queries().detail(filed.ticket()).orElseThrow().media());
    }

    @Test
    void file_withPhotos_cuesTheFetcher_withoutPhotos_not() {
        AtomicInteger cues = new AtomicInteger();
        desk.onPhotosFiled(cues::incrementAndGet);
        fileWithPhoto("k1", "image/jpeg");
        desk.file(DeskFixture.complaint("k2", new Address(Channel.SMS, "+6281200000002"), "sampah", "Pasar Anyar",
                Optional.empty()));
        assertEquals(1, cues.get());
    }
}
