package id.kanal.channels.twilio;

import com.twilio.security.RequestValidator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * Checks {@code X-Twilio-Signature}: Base64(HMAC-SHA1(auth token, URL + sorted parameters)),
 * compared in constant time (https://www.twilio.com/docs/usage/webhooks/webhooks-security).
 * First against the URL as Kanal sees it, with one HMAC; only a signature that does not match
 * goes on to the SDK's {@link RequestValidator}, which also tries the URL with and without its
 * port (two more HMACs, each with its own provider look-up and URL parsing: a visible share of
 * a turn's CPU when it ran for every webhook).
 */
final class TwilioSignature {
    private final TwilioSigner signer;
    private final RequestValidator validator;

    TwilioSignature(String authToken) {
        this.signer = TwilioSigner.forToken(authToken);
        this.validator = new RequestValidator(authToken);
    }

    boolean valid(String url, Map<String, String> params, String signature) {
        byte[] expected = signer.sign(url, params).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8))
                || validator.validate(url, params, signature);
    }
}
