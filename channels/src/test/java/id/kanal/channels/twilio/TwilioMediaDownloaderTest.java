package id.kanal.channels.twilio;

import id.kanal.channels.media.FakeMediaServer;
import id.kanal.channels.media.MediaHttp;
import id.kanal.dialog.Media;
import id.kanal.dialog.port.MediaDownloadException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TwilioMediaDownloaderTest {
    private static final String SID = "AC11111111111111111111111111111111";
    private static final String TOKEN = "media-test-token";
    private static final String MEDIA = "/2010-04-01/Accounts/" + SID + "/Messages/MM1/Media/ME1";
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, 4};

    private final FakeMediaServer twilio = new FakeMediaServer();
    /** Twilio's storage host: another origin than the API. */
    private final FakeMediaServer storage = new FakeMediaServer();
    private final TwilioMediaDownloader downloader = new TwilioMediaDownloader(SID, TOKEN, twilio.url(),
            new MediaHttp(Duration.ofSeconds(5)));

    @AfterEach
    void close() {
        twilio.close();
        storage.close();
    }

    private Media media(String path) {
        return new Media(twilio.url() + path, "image/jpeg");
    }

    @Test
    void download_sendsBasicAuthToTwilio_andFollowsTheRedirectWithoutIt() throws Exception {
        twilio.redirect(MEDIA, storage.url().resolve("/media.twiliocdn.com/ME1?Signature=abc"));
        storage.file("/media.twiliocdn.com/ME1", "image/jpeg", JPEG);

        assertArrayEquals(JPEG, downloader.download(media(MEDIA), 1000));

        String basic = "Basic " + Base64.getEncoder().encodeToString((SID + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.of(basic), twilio.requests(MEDIA).getFirst().authorization());
        assertEquals(1, storage.requests().size());
        assertEquals(Optional.empty(), storage.requests().getFirst().authorization(),
                "the account's credentials never leave Twilio's origin");
        assertEquals(Optional.of("Signature=abc"), storage.requests().getFirst().query());
    }

    @Test
    void handles_onlyUrlsOfTheConfiguredTwilioApi() throws Exception {
        assertTrue(downloader.handles(media(MEDIA)));
        Media elsewhere = new Media(storage.url() + MEDIA, "image/jpeg");
        assertFalse(downloader.handles(elsewhere));
        assertFalse(downloader.handles(new Media("telegram-file:AgAC", "image/jpeg")));
        // A regional API URL is configured, media URLs still name api.twilio.com: Twilio's, over HTTPS only.
        assertTrue(downloader.handles(new Media("https://api.twilio.com" + MEDIA, "image/jpeg")));
        assertFalse(downloader.handles(new Media("http://api.twilio.com" + MEDIA, "image/jpeg")));
        assertFalse(downloader.handles(new Media("https://api.twilio.com.example.net" + MEDIA, "image/jpeg")));
        MediaDownloadException e = assertThrows(MediaDownloadException.class, () -> downloader.download(elsewhere, 1000));
        assertTrue(e.permanent());
        assertTrue(storage.requests().isEmpty(), "no credentials are sent to another host");
    }

    @Test
    void download_tooLarge_isRefusedForGood() {
        twilio.file(MEDIA, "image/jpeg", new byte[2048]);
        MediaDownloadException e = assertThrows(MediaDownloadException.class, () -> downloader.download(media(MEDIA), 1024));
        assertTrue(e.permanent());
        assertEquals("Twilio media: larger than 1024 bytes", e.getMessage());
    }

    @Test
    void download_serverError_isTriedAgainLater_andGone_isNot() {
        twilio.status(MEDIA, 503);
        MediaDownloadException busy = assertThrows(MediaDownloadException.class, () -> downloader.download(media(MEDIA), 1024));
        assertFalse(busy.permanent());
        assertEquals("Twilio media: HTTP 503", busy.getMessage());

        twilio.status(MEDIA, 404);
        MediaDownloadException gone = assertThrows(MediaDownloadException.class, () -> downloader.download(media(MEDIA), 1024));
        assertTrue(gone.permanent());
        assertFalse(gone.getMessage().contains(twilio.url().toString()), "no URL in the message: " + gone.getMessage());
    }

    @Test
    void download_noAnswer_isTriedAgainLater() throws Exception {
        URI closed = twilio.url();
        twilio.close();
        TwilioMediaDownloader d = new TwilioMediaDownloader(SID, TOKEN, closed, new MediaHttp(Duration.ofSeconds(2)));
        MediaDownloadException e = assertThrows(MediaDownloadException.class,
                () -> d.download(new Media(closed + MEDIA, "image/jpeg"), 1024));
        assertFalse(e.permanent());
    }
}
