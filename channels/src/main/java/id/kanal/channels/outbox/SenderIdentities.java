package id.kanal.channels.outbox;

import id.kanal.dialog.Channel;

import java.util.Optional;

/**
 * The number a region sends from, in a deployment of several regions: what Kanal sends on its own
 * to a region's resident (an agent's reply, a status change, an alert) comes from that region's
 * own number or sender, so the resident's answer reaches the same region. App provides it from
 * the region files; without it, or for a region without one, a sender uses its configured one.
 */
@FunctionalInterface
public interface SenderIdentities {
    /** The region's sender on the channel (an E.164 number or a short code), when it has one. */
    Optional<String> from(String region, Channel channel);

    static SenderIdentities none() {
        return (region, channel) -> Optional.empty();
    }
}
