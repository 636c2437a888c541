package id.kanal.services.complaints;

import java.util.Objects;
import java.util.Optional;

/**
 * How residents are told of status changes.
 *
 * @param whatsAppStatusTemplateSid an approved WhatsApp template (a Twilio ContentSid, {@code HX...})
 *                                  with variables 1 = ticket, 2 = status, used outside the 24-hour
 *                                  window; absent: such residents get an SMS instead
 * @param whatsAppFeedbackTemplateSid an approved template for a resolution outside the window that asks
 *                                  "was it fixed? 1 / 2" (variables 1 = ticket, 2 = category); absent:
 *                                  the status template (which does not ask) or else an SMS (which does)
 */
public record NotificationSettings(Optional<String> whatsAppStatusTemplateSid,
                                   Optional<String> whatsAppFeedbackTemplateSid) {
    public NotificationSettings {
        Objects.requireNonNull(whatsAppStatusTemplateSid, "whatsAppStatusTemplateSid");
        Objects.requireNonNull(whatsAppFeedbackTemplateSid, "whatsAppFeedbackTemplateSid");
    }

    /** Only the status template. */
    public NotificationSettings(Optional<String> whatsAppStatusTemplateSid) {
        this(whatsAppStatusTemplateSid, Optional.empty());
    }

    public static NotificationSettings none() {
        return new NotificationSettings(Optional.empty());
    }
}
