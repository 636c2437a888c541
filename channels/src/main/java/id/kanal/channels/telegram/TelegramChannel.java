package id.kanal.channels.telegram;

import id.kanal.channels.media.MediaHttp;
import id.kanal.dialog.port.MediaDownloader;

import id.kanal.channels.outbox.HeldReplies;

import id.kanal.channels.ChannelContext;
import id.kanal.channels.ChannelHealth;
import id.kanal.channels.ChannelType;
import id.kanal.channels.ConfigValues;
import id.kanal.channels.ExclusiveJobs;
import id.kanal.channels.KanalChannel;
import id.kanal.channels.outbox.ChannelSender;
import id.kanal.channels.outbox.RateLimit;
import id.kanal.dialog.Channel;
import io.helidon.webserver.http.HttpRules;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Telegram: the webhook ({@code /channels/telegram}) or long polling, and outbox delivery with
 * {@code sendMessage}, both when a bot token is configured.
 *
 * <p>Always active: without a bot token (or a webhook secret) the webhook answers 503, as it
 * always has. Needs the {@link TelegramLinks} port (linking a chat to a phone number).
 */
public final class TelegramChannel implements KanalChannel {
    private static final System.Logger LOG = System.getLogger(TelegramChannel.class.getName());

    /**
     * The registration: settings from {@code kanal.telegram}; without a mode Kanal polls when
     * {@code kanal.public-url} is unset (Telegram cannot call {@code localhost}).
     */
    public static final ChannelType<TelegramConfig> TYPE = ChannelType.of("telegram",
            kanal -> TelegramConfig.create(kanal.get("telegram"), ConfigValues.string(kanal.get("public-url")).isPresent()),
            TelegramChannel::create);

    /** The name of the polling job among the node's exclusive jobs. */
    public static final String POLLING_JOB = "telegram-polling";

    private final TelegramConfig config;
    private final Optional<TelegramBot> bot;
    private final TelegramWebhookService webhook;
    private final Optional<ChannelSender> sender;
    private final Optional<MediaDownloader> media;
    private final ExclusiveJobs jobs;
    private volatile TelegramPolling polling;
    private volatile boolean started;

    private TelegramChannel(TelegramConfig config, Optional<TelegramBot> bot, ExclusiveJobs jobs) {
        this.config = config;
        this.jobs = jobs;
        this.bot = bot;
        this.webhook = new TelegramWebhookService(config, bot);
        this.sender = bot.map(b -> TelegramSender.create(config));
        this.media = config.botToken().map(token -> new TelegramFileDownloader(config.apiUrl(), token,
                new MediaHttp(DOWNLOAD_TIMEOUT)));
    }

    static Optional<KanalChannel> create(TelegramConfig config, ChannelContext context) {
        Optional<TelegramBot> bot = config.enabled()
                ? Optional.of(context.optionalPort(HeldReplies.class)
                        .map(held -> TelegramBot.create(config, context.handler(), context.port(TelegramLinks.class),
                                context.residents()::language, context.outbox(), held, context.clock()))
                        .orElseGet(() -> TelegramBot.create(config, context.handler(), context.port(TelegramLinks.class),
                                context.residents()::language, context.outbox(), context.clock())))
                : Optional.empty();
        return Optional.of(new TelegramChannel(config, bot,
                context.optionalPort(ExclusiveJobs.class).orElse(ExclusiveJobs.HERE)));
    }

    @Override
    public String name() {
        return TYPE.name();
    }

    @Override
    public void routing(HttpRules rules) {
        webhook.routing(rules);
    }

    @Override
    public Optional<ChannelSender> sender() {
        return sender;
    }

    /** Photo downloads ({@code getFile}), when a bot token is set. */
    @Override
    public Optional<MediaDownloader> mediaDownloader() {
        return media;
    }

    /** A photo of a few megabytes on a slow link, well inside the fetcher's claim on it. */
    private static final java.time.Duration DOWNLOAD_TIMEOUT = java.time.Duration.ofSeconds(20);

    /** Telegram's documented limits, 30 messages/s overall and 1/s per chat, when the bot sends. */
    @Override
    public Map<Channel, RateLimit> limits() {
        return sender.isPresent() ? Map.of(Channel.TELEGRAM, RateLimit.TELEGRAM) : Map.of();
    }

    /**
     * Starts long polling when a bot is configured in polling mode: on one node of several only
     * (Telegram hands each update to one {@code getUpdates}), the one {@link ExclusiveJobs} picks.
     */
    @Override
    public void start() {
        if (bot.isPresent() && config.mode() == TelegramConfig.Mode.POLLING) {
            jobs.register(POLLING_JOB, () -> polling = TelegramPolling.start(config, bot.get()), this::stopPolling);
        } else {
            LOG.log(System.Logger.Level.INFO, "Telegram long polling off: bot={0} mode={1}",
                    bot.isPresent() ? "configured" : "unset", config.mode());
        }
        started = true;
    }

    /** Down only when polling was started and has stopped; an unconfigured bot is off, not down. */
    @Override
    public ChannelHealth health() {
        Map<String, String> details = new TreeMap<>();
        details.put("bot", bot.isPresent() ? "configured" : "off");
        details.put("mode", config.mode().name().toLowerCase(java.util.Locale.ROOT));
        TelegramPolling p = polling;
        if (p != null) {
            details.put("polling", p.isRunning() ? "running" : "stopped");
            return p.isRunning() ? ChannelHealth.up(details) : ChannelHealth.down(details);
        }
        details.put("polling", started ? "off" : "not started");
        return ChannelHealth.up(details);
    }

    @Override
    public void close() {
        stopPolling();
    }

    private synchronized void stopPolling() {
        TelegramPolling p = polling;
        if (p != null) {
            p.close();
            polling = null;
        }
    }
}
