package id.kanal.channels;

import id.kanal.channels.outbox.ChannelSender;
import id.kanal.channels.outbox.RateLimit;
import id.kanal.dialog.Channel;
import io.helidon.webserver.http.HttpRules;

import java.util.Map;
import java.util.Optional;

/**
 * One provider connected to Kanal (Twilio, Telegram, a USSD gateway, an SMPP operator): how it
 * receives, how it sends, how fast it may send, whether it is healthy. The server knows channels
 * only through this interface; a channel never knows the server.
 *
 * <p>Lifecycle: the channel is made by its {@link ChannelType} (inactive channels are never
 * made); the server mounts its {@link #routing routes} and hands its {@link #sender} to the
 * outbox; {@link #start} runs once the server and the outbox are up (long polling, an SMPP bind);
 * {@link #close} runs before the database closes. Inbound messages may arrive on any thread
 * (HTTP workers, a polling loop, an SMPP session's listener); each goes to
 * {@link ChannelContext#handler()}, which deduplicates by provider message id and commits the
 * turn before it returns, so the channel acknowledges to its provider only after that.
 */
public interface KanalChannel extends AutoCloseable {
    /** The channel's name, as in its config subtree, its routes and its health check: {@code twilio}, {@code telegram}. */
    String name();

    /**
     * Adds the channel's webhooks, relative to {@code /channels} (e.g. {@code rules.post("/ussd", ...)}).
     * A channel that receives over its own connection adds none.
     */
    default void routing(HttpRules rules) {
    }

    /** Delivers outbox messages for some {@link Channel}s, when this channel can send (and is configured to). */
    default Optional<ChannelSender> sender() {
        return Optional.empty();
    }

    /**
     * The {@link Channel}s this channel must carry when another active channel could send them too
     * (SMPP carries SMS over Twilio by default, {@code KANAL_SMS_SENDER}); the other's sender then
     * leaves them, with their limits. Two channels that could send one {@link Channel} and neither
     * claims it is a wiring mistake, found at start.
     */
    default java.util.Set<Channel> carries() {
        return java.util.Set.of();
    }

    /**
     * The provider's sending limits for the {@link Channel}s its {@link #sender} delivers; the outbox
     * honours them. At most one active channel sends, and limits, each {@link Channel}.
     */
    default Map<Channel, RateLimit> limits() {
        return Map.of();
    }

    /**
     * Downloads media residents sent on this channel (photos with a complaint), when the channel is
     * configured to (it holds the provider's credentials); the complaint desk keeps the bytes.
     */
    default Optional<id.kanal.dialog.port.MediaDownloader> mediaDownloader() {
        return Optional.empty();
    }

    /** The channel's health now, shown as a check named {@link #name()} under {@code /observe/health}. Must not block. */
    default ChannelHealth health() {
        return ChannelHealth.up(Map.of());
    }

    /**
     * Starts what runs in the background (long polling, a bind) and what must run before the routes
     * answer (USSD turns a stop cut short); called once, before the server takes requests.
     */
    default void start() {
    }

    /** Stops everything {@link #start} began and releases connections; never throws. */
    @Override
    default void close() {
    }
}
