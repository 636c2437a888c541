package id.kanal.channels;

import id.kanal.dialog.InboundHandler;
import id.kanal.dialog.port.ConversationStore;
import id.kanal.dialog.port.OutboundMessage;
import id.kanal.dialog.port.OutboxQueue;
import id.kanal.dialog.port.ResidentRegistry;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a channel gets from Kanal's core: the dialog's ports, never the database or the server.
 *
 * @param handler       runs a turn for an inbound message: deduplicates by provider message id and
 *                      commits before it returns, so a channel acknowledges its provider afterwards
 * @param outbox        durably enqueues a message to send later (committed when it returns)
 * @param outboxQueue   the outbox rows, for delivery status callbacks and receipts
 * @param residents     opt-outs, languages, the WhatsApp window
 * @param conversations the residents' conversations, read-only for channels (e.g. is one mid-flow)
 * @param publicUrl     the base URL providers call, without a trailing slash (signatures are
 *                      computed over it; behind a proxy the server never sees it)
 * @param clock         the time; tests fix it
 * @param ports         stores that a channel owns the interface of and app implements (USSD
 *                      sessions, Telegram chat links), by their interface; see {@link #port}
 */
public record ChannelContext(InboundHandler handler, Consumer<OutboundMessage> outbox, OutboxQueue outboxQueue,
                             ResidentRegistry residents, ConversationStore conversations, String publicUrl,
                             Clock clock, Map<Class<?>, Object> ports) {
    public ChannelContext {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(outboxQueue, "outboxQueue");
        Objects.requireNonNull(residents, "residents");
        Objects.requireNonNull(conversations, "conversations");
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(clock, "clock");
        publicUrl = publicUrl.replaceAll("/+$", "");
        ports = Map.copyOf(ports);
        ports.forEach((type, port) -> {
            if (!type.isInstance(port)) {
                throw new IllegalArgumentException("ports: " + port.getClass().getName() + " is not a " + type.getName());
            }
        });
    }

    /** The channel-owned store of this interface; a missing one is a wiring mistake, found at start. */
    public <T> T port(Class<T> type) {
        return optionalPort(type).orElseThrow(() -> new IllegalStateException(
                "no " + type.getName() + " in the channel context: app must provide it"));
    }

    /** The channel-owned store of this interface, when app provides one. */
    public <T> Optional<T> optionalPort(Class<T> type) {
        return Optional.ofNullable(ports.get(type)).map(type::cast);
    }

    /** A copy with another port (tests, and app's wiring, add them one by one). */
    public <T> ChannelContext withPort(Class<T> type, T port) {
        Map<Class<?>, Object> more = new java.util.HashMap<>(ports);
        more.put(type, Objects.requireNonNull(port, "port"));
        return new ChannelContext(handler, outbox, outboxQueue, residents, conversations, publicUrl, clock, more);
    }
}
