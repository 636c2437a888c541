package id.kanal.channels.twilio;

import com.twilio.security.RequestValidator;

import java.util.Map;

/**
 * Checks {@code X-Twilio-Signature}: Base64(HMAC-SHA1(auth token, URL + sorted parameters)),
 * compared in constant time by the SDK's {@link RequestValidator}
 * (https://www.twilio.com/docs/usage/webhooks/webhooks-security).
 */
final class TwilioSignature {
    private final RequestValidator validator;

    TwilioSignature(String authToken) {
        this.validator = new RequestValidator(authToken);
    }

    boolean valid(String url, Map<String, String> params, String signature) {
        return validator.validate(url, params, signature);
    }
}
