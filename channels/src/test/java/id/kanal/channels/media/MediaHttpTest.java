package id.kanal.channels.media;

import id.kanal.dialog.port.MediaDownloadException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediaHttpTest {
    private final FakeMediaServer host = new FakeMediaServer();
    private final MediaHttp http = new MediaHttp(Duration.ofSeconds(5));

    @AfterEach
    void close() {
        host.close();
    }

    @Test
    void get_aRedirectOnTheSameOrigin_keepsTheCredential() throws Exception {
        host.redirect("/a", URI.create("/b"));
        host.file("/b", "image/png", new byte[]{1, 2});
        assertArrayEquals(new byte[]{1, 2}, http.get(host.url().resolve("/a"), Optional.of("Basic x"), 10, "file"));
        assertEquals(Optional.of("Basic x"), host.requests("/b").getFirst().authorization());
    }

    @Test
    void get_aRedirectLoop_isRefusedAfterFiveHops() {
        host.redirect("/loop", URI.create("/loop"));
        MediaDownloadException e = assertThrows(MediaDownloadException.class,
                () -> http.get(host.url().resolve("/loop"), Optional.empty(), 10, "file"));
        assertTrue(e.permanent());
        assertEquals(6, host.requests("/loop").size());
    }

    @Test
    void get_aRedirectToAnotherScheme_isNotFollowed() {
        host.redirect("/ftp", URI.create("file:///etc/passwd"));
        MediaDownloadException e = assertThrows(MediaDownloadException.class,
                () -> http.get(host.url().resolve("/ftp"), Optional.empty(), 10, "file"));
        assertTrue(e.permanent());
        assertEquals("file: a redirect to a non-HTTP location", e.getMessage());
    }

    @Test
    void get_exactlyTheCap_isKept_oneByteMore_isNot() throws Exception {
        host.file("/ten", "image/jpeg", new byte[10]);
        assertEquals(10, http.get(host.url().resolve("/ten"), Optional.empty(), 10, "file").length);
        assertThrows(MediaDownloadException.class, () -> http.get(host.url().resolve("/ten"), Optional.empty(), 9, "file"));
    }
}
