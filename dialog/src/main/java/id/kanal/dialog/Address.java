package id.kanal.dialog;

import java.util.Objects;

/**
 * Where a resident is reached on one channel: an E.164 number for SMS, USSD and WhatsApp,
 * a chat id for Telegram; or, for a resident the console's simulator made up, that value
 * behind {@value #SIMULATED_PREFIX} ({@link #simulated}).
 */
public record Address(Channel channel, String value) {
    /**
     * Marks a simulated resident's value. No provider input can carry it: every adapter
     * normalises numbers to E.164 ({@link PhoneNumbers}) and Telegram chat ids are numbers,
     * so a simulated resident never shares a conversation, an opt-out or a complaint with a
     * real one, and nothing queued for a real resident is ever held back as simulated.
     */
    public static final String SIMULATED_PREFIX = "sim:";

    public Address {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("value must not be blank");
        }
    }

    /** The simulator's resident at a real-looking number or chat id (its own address space). */
    public static Address simulated(Channel channel, String value) {
        return new Address(channel, SIMULATED_PREFIX + value);
    }

    /** Whether the console's simulator made this resident up: what Kanal queues for it is never sent. */
    public boolean isSimulated() {
        return value.startsWith(SIMULATED_PREFIX);
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
