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
    /**
     * Separates a resident's value from the region they wrote to when that is not the
     * deployment's default region ({@link #inRegion}): the same number writing to two regions has
     * two conversations, two transcripts and two places in the queue. No provider value carries
     * it (numbers are E.164, chat ids digits), and the default region's residents keep their bare
     * value, so a single-region database reads as it always did.
     */
    public static final String REGION_SEPARATOR = "@";

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

    /** This resident as seen by the (non-default) region {@code region}: a conversation of its own. */
    public Address inRegion(String region) {
        if (region == null || region.isBlank() || region.contains(REGION_SEPARATOR)) {
            throw new IllegalArgumentException("region must be a plain code: " + region);
        }
        return new Address(channel, bare().value + REGION_SEPARATOR + region);
    }

    /** The non-default region this resident wrote to; empty for the default region. */
    public java.util.Optional<String> region() {
        int at = value.lastIndexOf(REGION_SEPARATOR);
        return at < 0 ? java.util.Optional.empty() : java.util.Optional.of(value.substring(at + 1));
    }

    /** Where the provider reaches the resident: the value without its region. */
    public Address bare() {
        int at = value.lastIndexOf(REGION_SEPARATOR);
        return at < 0 ? this : new Address(channel, value.substring(0, at));
    }

    /** Whether the console's simulator made this resident up: what Kanal queues for it is never sent. */
    public boolean isSimulated() {
        return value.startsWith(SIMULATED_PREFIX);
    }

    /** The address with the number masked for logs: {@code sms:+62812****890}. */
    public String masked() {
        int at = value.lastIndexOf(REGION_SEPARATOR);
        return at < 0 ? channel.id() + ":" + Masking.mask(value)
                : channel.id() + ":" + Masking.mask(value.substring(0, at)) + value.substring(at);
    }

    /** Written out: a record's generated equals goes through method handles, and every turn looks its resident up. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Address a && channel == a.channel && value.equals(a.value);
    }

    @Override
    public int hashCode() {
        return 31 * channel.hashCode() + value.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
