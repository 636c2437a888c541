package id.kanal.dialog;

import java.util.Objects;

/**
 * Where a resident is reached on one channel: an E.164 number for SMS, USSD and WhatsApp,
 * a chat id for Telegram.
 */
public record Address(Channel channel, String value) {
    public Address {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("value must not be blank");
        }
    }

    /** The address with the number masked for logs: {@code sms:+62812****890}. */
    public String masked() {
        return channel.id() + ":" + Masking.mask(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
