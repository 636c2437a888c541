package id.kanal.channels.twilio;

import id.kanal.channels.media.MediaHttp;
import id.kanal.dialog.Media;
import id.kanal.dialog.port.MediaDownloadException;
import id.kanal.dialog.port.MediaDownloader;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Downloads media a resident sent on WhatsApp (or MMS) from its {@code MediaUrl{N}}: Twilio
 * requires HTTP basic authentication with the account SID and auth token on media URLs, then
 * redirects to its storage host (https://www.twilio.com/docs/messaging/api/media-resource).
 * Credentials go only to Twilio: the configured API's origin ({@code KANAL_TWILIO_API_URL}, a
 * fake in tests) or an HTTPS host of {@code twilio.com} (media URLs name {@code api.twilio.com}
 * even when a regional API URL is configured). A media URL anywhere else is not Twilio's and is
 * refused, and the redirect target is fetched without them ({@link MediaHttp}).
 */
final class TwilioMediaDownloader implements MediaDownloader {
    private static final String WHAT = "Twilio media";
    private final URI apiBase;
    private final String authorization;
    private final MediaHttp http;

    TwilioMediaDownloader(String accountSid, String authToken, URI apiBase, MediaHttp http) {
        this.apiBase = apiBase;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
        this.http = http;
    }

    @Override
    public boolean handles(Media media) {
        return uri(media).filter(this::isTwilio).isPresent();
    }

    private boolean isTwilio(URI u) {
        String host = u.getHost() == null ? "" : u.getHost().toLowerCase(java.util.Locale.ROOT);
        return MediaHttp.sameOrigin(u, apiBase)
                || ("https".equals(u.getScheme()) && (host.equals("twilio.com") || host.endsWith(".twilio.com")));
    }

    @Override
    public byte[] download(Media media, long maxBytes) throws MediaDownloadException {
        URI url = uri(media).filter(this::isTwilio)
                .orElseThrow(() -> MediaDownloadException.refused(WHAT + ": not a URL of the configured Twilio API"));
        return http.get(url, Optional.of(authorization), maxBytes, WHAT);
    }

    private static Optional<URI> uri(Media media) {
        try {
            URI u = URI.create(media.url());
            return "https".equals(u.getScheme()) || "http".equals(u.getScheme()) ? Optional.of(u) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "TwilioMediaDownloader[" + apiBase + "]";
    }
}
