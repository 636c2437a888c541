package id.kanal.channels.outbox;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;

import java.util.Optional;
import java.util.Set;

/**
 * Delivers one outbox message through a provider's API. Implementations never throw for a
 * provider's answer: they classify it as a {@link SendResult}.
 */
public interface ChannelSender {
    /** The channels this sender delivers. */
    Set<Channel> channels();

    /**
     * Sends a text (or, when given and the channel supports it, a template reference such as a
     * Twilio ContentSid with variables as JSON).
     */
    SendResult send(Address to, String body, Optional<String> template);

    /**
     * The same for a resident of a non-default region ({@code to} is their bare address): a sender
     * that can choose its sender number sends from the region's (see {@link SenderIdentities}).
     */
    default SendResult send(Address to, String body, Optional<String> template, Optional<String> region) {
        return send(to, body, template);
    }

    /**
     * The same, from the identity {@code from} when the message names one (the short code a resident
     * wrote to, for the reply): a sender that can choose its sender identity sends from it.
     */
    default SendResult send(Address to, String body, Optional<String> template, Optional<String> region,
                            Optional<String> from) {
        return send(to, body, template, region);
    }
}
