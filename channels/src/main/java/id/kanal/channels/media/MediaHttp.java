package id.kanal.channels.media;

import id.kanal.dialog.port.MediaDownloadException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A GET of a provider's file, at most {@code maxBytes} long, following redirects itself: Twilio
 * answers a media URL with a redirect to its storage host, and the account's credentials must
 * stay with Twilio (a storage host with signed query parameters refuses a second credential,
 * and must never see it anyway). So the {@code Authorization} header goes only to the first
 * URL's origin; a redirect elsewhere is followed without it.
 *
 * <p>Failures are {@link MediaDownloadException}s whose message names {@code what} and the HTTP
 * status only, never the URL (a Telegram file URL holds the bot token).
 */
public final class MediaHttp {
    private static final int MAX_REDIRECTS = 5;
    private final HttpClient http;
    private final Duration timeout;

    public MediaHttp(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * The body of {@code url}.
     *
     * @param authorization the {@code Authorization} header for {@code url}'s origin only
     * @param what          names the file in error messages ("Twilio media")
     */
    public byte[] get(URI url, Optional<String> authorization, long maxBytes, String what) throws MediaDownloadException {
        URI at = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(at).timeout(timeout).GET();
            if (authorization.isPresent() && sameOrigin(at, url)) {
                b.header("Authorization", authorization.get());
            }
            HttpResponse<InputStream> res;
            try {
                res = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw MediaDownloadException.transientFailure(what + ": no answer (" + e.getClass().getSimpleName() + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw MediaDownloadException.transientFailure(what + ": interrupted");
            }
            int status = res.statusCode();
            if (status >= 300 && status < 400 && res.headers().firstValue("Location").isPresent()) {
                close(res);
                try {
                    at = at.resolve(res.headers().firstValue("Location").get());
                } catch (IllegalArgumentException e) {
                    throw MediaDownloadException.refused(what + ": a redirect to a malformed location");
                }
                if (!"http".equals(at.getScheme()) && !"https".equals(at.getScheme())) {
                    throw MediaDownloadException.refused(what + ": a redirect to a non-HTTP location");
                }
                continue;
            }
            if (status != 200) {
                close(res);
                throw failure(what, status);
            }
            return read(res, maxBytes, what);
        }
        throw MediaDownloadException.refused(what + ": more than " + MAX_REDIRECTS + " redirects");
    }

    /** 408, 429 and 5xx may pass; any other answer (404 gone, 401/403 refused) will not. */
    private static MediaDownloadException failure(String what, int status) {
        String message = what + ": HTTP " + status;
        return status == 408 || status == 429 || status >= 500
                ? MediaDownloadException.transientFailure(message) : MediaDownloadException.refused(message);
    }

    private static byte[] read(HttpResponse<InputStream> res, long maxBytes, String what) throws MediaDownloadException {
        long declared = res.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > maxBytes) {
            close(res);
            throw tooLarge(what, maxBytes);
        }
        try (InputStream in = res.body()) {
            // One byte past the cap tells a file that is too large from one exactly at it.
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw tooLarge(what, maxBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw MediaDownloadException.transientFailure(what + ": the download broke off");
        }
    }

    public static MediaDownloadException tooLarge(String what, long maxBytes) {
        return MediaDownloadException.refused(what + ": larger than " + maxBytes + " bytes");
    }

    public static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(lower(a.getScheme()), lower(b.getScheme())) && Objects.equals(lower(a.getHost()), lower(b.getHost()))
                && port(a) == port(b);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(java.util.Locale.ROOT);
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static void close(HttpResponse<InputStream> res) {
        try {
            res.body().close();
        } catch (IOException e) {
            // Nothing to do: the connection is dropped.
        }
    }
}
