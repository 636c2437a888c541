package id.kanal.channels.telegram;

import id.kanal.channels.outbox.ChannelSender;
import id.kanal.channels.outbox.SendResult;
import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Delivers outbox messages to Telegram chats with {@code sendMessage}. The outbox sender
 * reads the result: 429 (with {@code retry_after}), 5xx and transport failures are retried;
 * 403 "bot was blocked by the user" marks the resident as opted out; other 4xx are permanent.
 */
public final class TelegramSender implements ChannelSender {
    private final TelegramApi api;

    TelegramSender(TelegramApi api) {
        this.api = api;
    }

    /** A sender through the Bot API at {@code config.apiUrl()}; requires a bot token. */
    public static TelegramSender create(TelegramConfig config) {
        return new TelegramSender(TelegramApi.create(config));
    }

    /** The same, with every Bot API call ending within {@code timeout} (then retried by the outbox). */
    public static TelegramSender create(TelegramConfig config, java.time.Duration timeout) {
        return new TelegramSender(TelegramApi.create(config, timeout));
    }

    @Override
    public Set<Channel> channels() {
        return Set.of(Channel.TELEGRAM);
    }

    /** Sends the body as text; Telegram has no templates, so {@code template} is ignored. */
    @Override
    public SendResult send(Address to, String body, Optional<String> template) {
        if (to.channel() != Channel.TELEGRAM) {
            throw new IllegalArgumentException("to must be a Telegram address: " + to);
        }
        return api.sendMessage(to.value(), body, List.of());
    }
}
