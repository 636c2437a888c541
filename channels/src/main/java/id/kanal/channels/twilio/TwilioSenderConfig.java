package id.kanal.channels.twilio;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the Twilio sender needs.
 *
 * @param accountSid          {@code KANAL_TWILIO_ACCOUNT_SID}
 * @param authToken           {@code KANAL_TWILIO_AUTH_TOKEN}
 * @param apiUrl              {@code KANAL_TWILIO_API_URL}: another base URL for the REST API (a fake in tests); empty: Twilio's
 * @param smsFrom             {@code KANAL_TWILIO_SMS_FROM}: the number (or Messaging Service sender) SMS go out from; empty: no SMS
 * @param whatsAppFrom        {@code KANAL_TWILIO_WHATSAPP_FROM}: the WhatsApp sender number, without {@code whatsapp:}; empty: no WhatsApp
 * @param whatsAppTemplateSid {@code KANAL_WHATSAPP_TEMPLATE_SID}: an approved Content template with one variable
 *                            ({@code {{1}}} = the message) used outside the 24-hour window when the message names none
 * @param statusCallbackUrl   where Twilio reports delivery ({@code KANAL_PUBLIC_URL + /channels/twilio/status})
 * @param timeout             how long one REST call may take before it counts as a timeout (and is retried later)
 */
public record TwilioSenderConfig(String accountSid, String authToken, Optional<URI> apiUrl, Optional<String> smsFrom,
                                 Optional<String> whatsAppFrom, Optional<String> whatsAppTemplateSid,
                                 Optional<String> statusCallbackUrl, Duration timeout) {
    public TwilioSenderConfig {
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(authToken, "authToken");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(timeout, "timeout");
        smsFrom = smsFrom.filter(s -> !s.isBlank());
        whatsAppFrom = whatsAppFrom.filter(s -> !s.isBlank()).map(s -> s.startsWith("whatsapp:") ? s.substring(9) : s);
        whatsAppTemplateSid = whatsAppTemplateSid.filter(s -> !s.isBlank());
        statusCallbackUrl = statusCallbackUrl.filter(s -> !s.isBlank());
    }
}
