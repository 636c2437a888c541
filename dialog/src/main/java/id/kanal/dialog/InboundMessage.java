package id.kanal.dialog;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One message from a resident, channel-neutral.
 *
 * @param providerMessageId the provider's id (Twilio {@code MessageSid}, Telegram {@code update_id}, ...),
 *                          unique per channel: a provider retry carries the same id
 * @param from              the resident's address on that channel
 * @param text              what the resident wrote; empty when they only sent media or a location
 */
public record InboundMessage(String providerMessageId, Address from, String text, List<Media> media,
                             Optional<GeoPoint> location, Instant receivedAt) {
    public InboundMessage {
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        if (providerMessageId.isBlank()) {
            throw new IllegalArgumentException("providerMessageId must not be blank");
        }
        Objects.requireNonNull(from, "from");
        text = text == null ? "" : text;
        media = List.copyOf(media);
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** A plain text message. */
    public static InboundMessage text(String providerMessageId, Address from, String text, Instant receivedAt) {
        return new InboundMessage(providerMessageId, from, text, List.of(), Optional.empty(), receivedAt);
    }

    public Channel channel() {
        return from.channel();
    }
}
