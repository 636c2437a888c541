package id.kanal.channels.telegram;

import id.kanal.channels.outbox.ChannelSender;
import id.kanal.channels.outbox.SendResult;
import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Delivers outbox messages to Telegram chats with {@code sendMessage}. The outbox sender
 * reads the result: 429 (with {@code retry_after}), 5xx and transport failures are retried;
 * 403 "bot was blocked by the user" marks the resident as opted out; other 4xx are permanent.
 */
public final class TelegramSender implements ChannelSender {
    private final Optional<TelegramApi> api;
    /** The bots of the regions that have their own, by region code. */
    private final Map<String, TelegramApi> regionBots;

    TelegramSender(TelegramApi api) {
        this(Optional.of(api), Map.of());
    }

    /**
     * @param api        the default region's bot, when there is one
     * @param regionBots other regions' own bots: their residents hear from the bot they wrote to
     */
    TelegramSender(Optional<TelegramApi> api, Map<String, TelegramApi> regionBots) {
        this.api = api;
        this.regionBots = Map.copyOf(regionBots);
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
        return send(to, body, template, Optional.empty());
    }

    /**
     * Sends with the bot of the resident's region: a chat id means nothing to another bot (the
     * resident never started it), so a region's resident is reached only by the bot they wrote to,
     * or by the default bot when their region has none.
     */
    @Override
    public SendResult send(Address to, String body, Optional<String> template, Optional<String> region) {
        if (to.channel() != Channel.TELEGRAM) {
            throw new IllegalArgumentException("to must be a Telegram address: " + to);
        }
        Optional<TelegramApi> bot = region.map(regionBots::get).or(() -> api);
        if (bot.isEmpty()) {
            return new SendResult.Failed("no Telegram bot for region " + region.orElse("(default)"), false);
        }
        return bot.get().sendMessage(to.value(), body, List.of());
    }
}
