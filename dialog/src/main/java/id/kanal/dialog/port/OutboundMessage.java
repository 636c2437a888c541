package id.kanal.dialog.port;

import id.kanal.dialog.Address;

import java.util.Objects;
import java.util.Optional;

/**
 * A message Kanal sends on its own initiative (an agent's reply, a status notification, a
 * USSD receipt by SMS), delivered later through the outbox.
 *
 * @param kind     what it is, for logs and the console ("agent-reply", "status-change", "ussd-receipt")
 * @param priority {@link #REPLY} goes ahead of {@link #BULK}
 * @param template for WhatsApp outside the 24-hour window: a template reference (e.g. a Twilio
 *                 ContentSid with its variables as JSON), when one is configured
 * @param from     the identity it must be sent from: the short code or number the resident wrote to,
 *                 for a reply that answers them there; empty: the channel's choice (the region's own
 *                 sender, else the configured one)
 */
public record OutboundMessage(Address to, String body, String kind, int priority, Optional<String> template,
                              Optional<String> from) {
    public static final int REPLY = 0;
    public static final int BULK = 1;

    public OutboundMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(template, "template");
        from = Objects.requireNonNull(from, "from").map(String::strip).filter(f -> !f.isEmpty());
        if (priority != REPLY && priority != BULK) {
            throw new IllegalArgumentException("priority must be REPLY (0) or BULK (1): " + priority);
        }
    }

    /** A message sent from whichever identity the channel chooses. */
    public OutboundMessage(Address to, String body, String kind, int priority, Optional<String> template) {
        this(to, body, kind, priority, template, Optional.empty());
    }

    /** The same message, sent from {@code identity} (blank: the channel's choice). */
    public OutboundMessage sentFrom(String identity) {
        return new OutboundMessage(to, body, kind, priority, template, Optional.ofNullable(identity));
    }
}
