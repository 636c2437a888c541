package id.kanal.channels.twilio;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * Signs a request as Twilio does (https://www.twilio.com/docs/usage/webhooks/webhooks-security):
 * Base64(HMAC-SHA1(token, url + each parameter name and value, sorted by name)). The SDK has
 * no public signer; {@code TwilioSignatureTest} checks this one against the SDK's validator.
 * Kanal checks webhooks with it first ({@link TwilioSignature}); the benchmark and the tests sign
 * what they send with it. One signer per token: its keyed HMAC is set up once and copied per
 * call, instead of a provider look-up and a key schedule on every request. Thread-safe.
 */
public final class TwilioSigner {
    private static final String HMAC_SHA1 = "HmacSHA1";

    private final SecretKeySpec key;
    private final Mac keyed;

    private TwilioSigner(SecretKeySpec key, Mac keyed) {
        this.key = key;
        this.keyed = keyed;
    }

    public static TwilioSigner forToken(String authToken) {
        Objects.requireNonNull(authToken, "authToken");
        try {
            SecretKeySpec key = new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), HMAC_SHA1);
            Mac mac = Mac.getInstance(HMAC_SHA1);
            mac.init(key);
            return new TwilioSigner(key, mac);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sign(String authToken, String url, Map<String, String> params) {
        return forToken(authToken).sign(url, params);
    }

    public String sign(String url, Map<String, String> params) {
        // Sorted by name (String order, as Twilio's): an array sort, not a tree per request.
        String[] names = params.keySet().toArray(new String[0]);
        java.util.Arrays.sort(names);
        int length = url.length();
        for (String name : names) {
            length += name.length() + params.get(name).length();
        }
        // Sized once: grown from the URL's length it was copied three or four times per webhook.
        StringBuilder data = new StringBuilder(length).append(url);
        for (String name : names) {
            data.append(name).append(params.get(name));
        }
        return Base64.getEncoder().encodeToString(mac().doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private Mac mac() {
        try {
            return (Mac) keyed.clone();
        } catch (CloneNotSupportedException e) {
            // The JDK's HMACs clone; a provider whose does not pays for its own set-up each time.
            try {
                Mac mac = Mac.getInstance(HMAC_SHA1);
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException again) {
                throw new IllegalStateException(again);
            }
        }
    }
}
