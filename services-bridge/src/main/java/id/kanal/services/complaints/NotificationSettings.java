package id.kanal.services.complaints;

import java.util.Objects;
import java.util.Optional;

/**
 * How residents are told of status changes.
 *
 * @param whatsAppStatusTemplateSid an approved WhatsApp template (a Twilio ContentSid, {@code HX...})
 *                                  with variables 1 = ticket, 2 = status, used outside the 24-hour
 *                                  window; absent: such residents get an SMS instead
 */
public record NotificationSettings(Optional<String> whatsAppStatusTemplateSid) {
    public NotificationSettings {
        Objects.requireNonNull(whatsAppStatusTemplateSid, "whatsAppStatusTemplateSid");
    }

    public static NotificationSettings none() {
        return new NotificationSettings(Optional.empty());
    }
}
