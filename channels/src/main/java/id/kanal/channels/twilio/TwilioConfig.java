package id.kanal.channels.twilio;

import java.util.Objects;
import java.util.Optional;

/**
 * Twilio settings.
 *
 * @param authToken the account's auth token ({@code KANAL_TWILIO_AUTH_TOKEN}); absent: webhooks answer 503
 * @param publicUrl the base URL Twilio calls ({@code KANAL_PUBLIC_URL}), without a trailing slash:
 *                  signatures are computed over it, since behind a proxy the server never sees it
 */
public record TwilioConfig(Optional<String> authToken, String publicUrl) {
    public TwilioConfig {
        Objects.requireNonNull(authToken, "authToken");
        Objects.requireNonNull(publicUrl, "publicUrl");
        authToken = authToken.filter(t -> !t.isBlank());
        publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }
}
