package id.kanal.channels.twilio;

import com.twilio.security.RequestValidator;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kanal's signer against the SDK's validator, and the check's fast path and fallback. */
class TwilioSignatureTest {
    private static final String TOKEN = "12345";
    private static final String URL = "https://kanal.test/channels/sms";
    private static final Map<String, String> FORM = Map.of("MessageSid", "SM1", "From", "+6281234567890",
            "Body", "harga cabé brp? 😀", "To", "+6221500123");

    @Test
    void signer_signsAsTheSdkChecks_andAgainWithTheSameSigner() {
        TwilioSigner signer = TwilioSigner.forToken(TOKEN);
        RequestValidator sdk = new RequestValidator(TOKEN);
        assertTrue(sdk.validate(URL, FORM, signer.sign(URL, FORM)));
        assertTrue(sdk.validate(URL, FORM, signer.sign(URL, FORM)), "a signer is used many times");
        assertTrue(sdk.validate(URL, FORM, TwilioSigner.sign(TOKEN, URL, FORM)));
    }

    @Test
    void valid_theUrlAsSeen_orTheVariantTwilioMaySign_butNothingElse() {
        TwilioSignature check = new TwilioSignature(TOKEN);
        assertTrue(check.valid(URL, FORM, TwilioSigner.sign(TOKEN, URL, FORM)));
        // Twilio may sign the URL with its default port: the SDK's fallback accepts that too.
        assertTrue(check.valid(URL, FORM, TwilioSigner.sign(TOKEN, "https://kanal.test:443/channels/sms", FORM)));
        assertFalse(check.valid(URL, FORM, TwilioSigner.sign("other", URL, FORM)));
        assertFalse(check.valid(URL, Map.of("Body", "tampered"), TwilioSigner.sign(TOKEN, URL, FORM)));
        assertFalse(check.valid(URL, FORM, ""));
    }
}
