package id.kanal.channels.twilio;

import id.kanal.channels.ConfigValues;
import io.helidon.common.config.Config;

import java.net.URI;
import java.util.Optional;

/**
 * The Twilio account (webhook signatures and sending) and the outbox's Twilio sending, under
 * {@code kanal.twilio}. The account SID and auth token come only from the environment.
 *
 * @param accountSid            {@code KANAL_TWILIO_ACCOUNT_SID}
 * @param authToken             {@code KANAL_TWILIO_AUTH_TOKEN}: signs webhooks and authenticates sending
 * @param apiUrl                {@code api-url}: the REST API's base URL (tests: a fake); empty: Twilio's
 * @param smsFrom               {@code sms-from}: the number SMS are sent from; empty: no SMS sending
 * @param whatsAppFrom          {@code whatsapp-from}: the WhatsApp sender number; empty: no WhatsApp sending
 * @param whatsAppTemplateSid   {@code whatsapp-template-sid}: a one-variable Content template for outside the 24-hour window
 * @param smsRatePerSecond      {@code sms-rate-per-second}: SMS sent per second at most (a Twilio long code takes 1)
 * @param whatsAppRatePerSecond {@code whatsapp-rate-per-second}: WhatsApp messages per second at most
 */
public record TwilioSettings(Optional<String> accountSid, Optional<String> authToken, Optional<URI> apiUrl,
                             Optional<String> smsFrom, Optional<String> whatsAppFrom,
                             Optional<String> whatsAppTemplateSid, double smsRatePerSecond,
                             double whatsAppRatePerSecond) {

    /** Reads the {@code kanal.twilio} subtree. */
    public static TwilioSettings create(Config twilio) {
        return new TwilioSettings(
                ConfigValues.string(twilio.get("account-sid")),
                ConfigValues.string(twilio.get("auth-token")),
                ConfigValues.url(twilio.get("api-url"), "https://api.twilio.com"),
                ConfigValues.string(twilio.get("sms-from")),
                ConfigValues.string(twilio.get("whatsapp-from")),
                ConfigValues.string(twilio.get("whatsapp-template-sid")),
                ConfigValues.positiveNumber(twilio.get("sms-rate-per-second"), 1),
                ConfigValues.positiveNumber(twilio.get("whatsapp-rate-per-second"), 20));
    }

    @Override
    public String toString() {
        // Never print the token.
        return "TwilioSettings[accountSid=" + accountSid.orElse("unset") + ", authToken="
                + (authToken.isPresent() ? "***" : "unset") + ", apiUrl=" + apiUrl + ", smsFrom=" + smsFrom
                + ", whatsAppFrom=" + whatsAppFrom + ", smsRatePerSecond=" + smsRatePerSecond
                + ", whatsAppRatePerSecond=" + whatsAppRatePerSecond + "]";
    }
}
