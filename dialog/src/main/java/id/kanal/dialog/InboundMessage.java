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
 * @param to                the identity it arrived on, when the provider says (Twilio {@code To}, an
 *                          SMPP destination address, a USSD service code): it picks the region
 */
public record InboundMessage(String providerMessageId, Address from, String text, List<Media> media,
                             Optional<GeoPoint> location, Instant receivedAt, Optional<String> to) {
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
        to = Objects.requireNonNull(to, "to").map(String::strip).filter(t -> !t.isEmpty());
    }

    /** A message whose arrival identity is not known (the demo, the simulator, {@code chat}): the default region's. */
    public InboundMessage(String providerMessageId, Address from, String text, List<Media> media,
                          Optional<GeoPoint> location, Instant receivedAt) {
        this(providerMessageId, from, text, media, location, receivedAt, Optional.empty());
    }

    /** The same message, arrived on {@code identity}. */
    public InboundMessage arrivedOn(String identity) {
        return new InboundMessage(providerMessageId, from, text, media, location, receivedAt, Optional.ofNullable(identity));
    }

    /** The same message from another address (a region's view of its sender). */
    public InboundMessage withSender(Address sender) {
        return new InboundMessage(providerMessageId, sender, text, media, location, receivedAt, to);
    }

    /** A plain text message. */
    public static InboundMessage text(String providerMessageId, Address from, String text, Instant receivedAt) {
        return new InboundMessage(providerMessageId, from, text, List.of(), Optional.empty(), receivedAt);
    }

    public Channel channel() {
        return from.channel();
    }
}
