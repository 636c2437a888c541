package id.kanal.app;

import io.helidon.config.Config;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Settings for sending through Twilio (the outbox), under {@code kanal.twilio.*}, each
 * overridden by its environment variable.
 *
 * @param apiUrl                {@code KANAL_TWILIO_API_URL}: the REST API's base URL (tests: a fake); empty: Twilio's
 * @param smsFrom               {@code KANAL_TWILIO_SMS_FROM}: the number SMS are sent from; empty: no SMS sending
 * @param whatsAppFrom          {@code KANAL_TWILIO_WHATSAPP_FROM}: the WhatsApp sender number; empty: no WhatsApp sending
 * @param whatsAppTemplateSid   {@code KANAL_WHATSAPP_TEMPLATE_SID}: a one-variable Content template for outside the 24-hour window
 * @param smsRatePerSecond      {@code KANAL_SMS_RATE_PER_SECOND}: SMS sent per second at most (a Twilio long code takes 1)
 * @param whatsAppRatePerSecond {@code KANAL_WHATSAPP_RATE_PER_SECOND}: WhatsApp messages per second at most
 */
public record OutboundSettings(Optional<URI> apiUrl, Optional<String> smsFrom, Optional<String> whatsAppFrom,
                               Optional<String> whatsAppTemplateSid, double smsRatePerSecond, double whatsAppRatePerSecond) {

    static OutboundSettings from(Config kanal, Map<String, String> env) {
        Config t = kanal.get("twilio");
        return new OutboundSettings(
                value("KANAL_TWILIO_API_URL", t.get("api-url"), env).map(OutboundSettings::uri),
                value("KANAL_TWILIO_SMS_FROM", t.get("sms-from"), env),
                value("KANAL_TWILIO_WHATSAPP_FROM", t.get("whatsapp-from"), env),
                value("KANAL_WHATSAPP_TEMPLATE_SID", t.get("whatsapp-template-sid"), env),
                rate("KANAL_SMS_RATE_PER_SECOND", value("KANAL_SMS_RATE_PER_SECOND", t.get("sms-rate-per-second"), env), 1),
                rate("KANAL_WHATSAPP_RATE_PER_SECOND",
                        value("KANAL_WHATSAPP_RATE_PER_SECOND", t.get("whatsapp-rate-per-second"), env), 20));
    }

    private static Optional<String> value(String name, Config key, Map<String, String> env) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty())
                .or(() -> key.asString().asOptional());
    }

    private static URI uri(String value) {
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("KANAL_TWILIO_API_URL must be a URL like https://api.twilio.com: " + value);
        }
    }

    private static double rate(String name, Optional<String> value, double fallback) {
        try {
            double r = value.map(Double::parseDouble).orElse(fallback);
            if (!(r > 0)) {
                throw new NumberFormatException();
            }
            return r;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a positive number: " + value.orElse(""));
        }
    }
}
