package id.kanal.channels.telegram;

import id.kanal.channels.ChannelContext;
import id.kanal.channels.ChannelHealth;
import id.kanal.channels.ChannelType;
import id.kanal.channels.ConfigValues;
import id.kanal.channels.ExclusiveJobs;
import id.kanal.channels.KanalChannel;
import id.kanal.channels.media.MediaHttp;
import id.kanal.channels.outbox.ChannelSender;
import id.kanal.channels.outbox.HeldReplies;
import id.kanal.channels.outbox.RateLimit;
import id.kanal.dialog.Channel;
import id.kanal.dialog.Media;
import id.kanal.dialog.port.MediaDownloadException;
import id.kanal.dialog.port.MediaDownloader;
import io.helidon.webserver.http.HttpRules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Telegram: the webhook ({@code /channels/telegram}) or long polling, and outbox delivery with
 * {@code sendMessage}, both when a bot token is configured; and, in a deployment of several
 * regions, each region's own bot ({@link TelegramRegionBots}): its webhook at its own path with
 * its own secret, its updates to its region, its region's residents answered (directly and by
 * the outbox) and their photos fetched with its token, and long polling of its own.
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

    /** The name of the default bot's polling job among the node's exclusive jobs (a region bot's adds {@code :<region>}). */
    public static final String POLLING_JOB = "telegram-polling";
    /** The default bot's webhook, under {@code /channels}. */
    static final String DEFAULT_PATH = "/telegram";

    /** One bot: its settings (its own token and secret), which bot it is, where Telegram posts to it. */
    private record Unit(TelegramConfig config, BotScope scope, String path, Optional<TelegramBot> bot) {
        String pollingJob() {
            return scope.region().map(r -> POLLING_JOB + ":" + r).orElse(POLLING_JOB);
        }

        String name() {
            return scope.region().orElse("default");
        }
    }

    private final TelegramConfig config;
    private final List<Unit> units;
    private final Optional<ChannelSender> sender;
    private final Optional<MediaDownloader> media;
    private final ExclusiveJobs jobs;
    /** Running long polls, by unit name. */
    private final Map<String, TelegramPolling> polling = new ConcurrentHashMap<>();
    private volatile boolean started;

    private TelegramChannel(TelegramConfig config, List<Unit> units, ExclusiveJobs jobs) {
        this.config = config;
        this.units = List.copyOf(units);
        this.jobs = jobs;
        Optional<TelegramApi> defaultApi = Optional.empty();
        Map<String, TelegramApi> regionApis = new LinkedHashMap<>();
        List<TelegramFileDownloader> files = new ArrayList<>();
        for (Unit u : this.units) {
            if (u.bot().isEmpty()) {
                continue;
            }
            TelegramApi api = TelegramApi.create(u.config());
            if (u.scope().region().isPresent()) {
                regionApis.put(u.scope().region().get(), api);
            } else {
                defaultApi = Optional.of(api);
            }
            files.add(new TelegramFileDownloader(u.config().apiUrl(), u.config().botToken().orElseThrow(),
                    new MediaHttp(DOWNLOAD_TIMEOUT), u.scope()));
        }
        this.sender = files.isEmpty() ? Optional.empty() : Optional.of(new TelegramSender(defaultApi, regionApis));
        this.media = files.isEmpty() ? Optional.empty()
                : files.size() == 1 ? Optional.of(files.get(0)) : Optional.of(new EachBotsFiles(files));
    }

    static Optional<KanalChannel> create(TelegramConfig config, ChannelContext context) {
        List<Unit> units = new ArrayList<>();
        List<TelegramRegionBots.Bot> regionBots = context.optionalPort(TelegramRegionBots.class)
                .orElseGet(TelegramRegionBots::none).bots();
        Optional<TelegramRegionBots.Bot> defaultFromFile = regionBots.stream().filter(b -> b.region().isEmpty()).findFirst();
        if (defaultFromFile.isPresent() && config.enabled()) {
            throw new IllegalArgumentException("two bots for the default region: KANAL_TELEGRAM_BOT_TOKEN and its region "
                    + "file's identities.telegram; keep one");
        }
        if (defaultFromFile.isEmpty()) {
            units.add(unit(config, config.botToken().map(BotScope::defaultBot).orElse(BotScope.UNNAMED), DEFAULT_PATH,
                    context));
        }
        Set<String> paths = new HashSet<>();
        Set<String> identities = new HashSet<>();
        units.stream().filter(u -> u.bot().isPresent()).forEach(u -> identities.add(u.scope().identity()));
        paths.add(DEFAULT_PATH);
        for (TelegramRegionBots.Bot b : regionBots) {
            TelegramConfig own = new TelegramConfig(Optional.of(b.token()), b.webhookSecret().or(config::webhookSecret),
                    config.apiUrl(), config.mode());
            BotScope scope = b.region().map(r -> BotScope.regionBot(b.token(), r)).orElseGet(() -> BotScope.defaultBot(b.token()));
            if (!paths.add(b.webhookPath()) && !(b.region().isEmpty() && b.webhookPath().equals(DEFAULT_PATH))) {
                throw new IllegalArgumentException("Telegram webhook path " + b.webhookPath() + " of region "
                        + b.region().orElse("(default)") + " is taken: each bot needs its own");
            }
            if (!identities.add(scope.identity())) {
                throw new IllegalArgumentException("Telegram bot " + scope.identity() + " of region "
                        + b.region().orElse("(default)") + " is another region's too: each region needs its own bot");
            }
            units.add(unit(own, scope, b.webhookPath(), context));
        }
        return Optional.of(new TelegramChannel(config, units,
                context.optionalPort(ExclusiveJobs.class).orElse(ExclusiveJobs.HERE)));
    }

    private static Unit unit(TelegramConfig config, BotScope scope, String path, ChannelContext context) {
        Optional<TelegramBot> bot = config.enabled()
                ? Optional.of(new TelegramBot(TelegramApi.create(config), context.handler(),
                        context.port(TelegramLinks.class), context.residents()::language, context.outbox(),
                        context.optionalPort(HeldReplies.class).orElseGet(HeldReplies::off), context.clock(), scope))
                : Optional.empty();
        return new Unit(config, scope, path, bot);
    }

    @Override
    public String name() {
        return TYPE.name();
    }

    @Override
    public void routing(HttpRules rules) {
        units.forEach(u -> new TelegramWebhookService(u.config(), u.bot(), u.path()).routing(rules));
    }

    @Override
    public Optional<ChannelSender> sender() {
        return sender;
    }

    /** Photo downloads ({@code getFile}), each with the token of the bot the photo was sent to. */
    @Override
    public Optional<MediaDownloader> mediaDownloader() {
        return media;
    }

    /** A photo of a few megabytes on a slow link, well inside the fetcher's claim on it. */
    private static final java.time.Duration DOWNLOAD_TIMEOUT = java.time.Duration.ofSeconds(20);

    /**
     * Telegram's documented limits, 30 messages/s overall and 1/s per chat, when a bot sends (Telegram
     * counts them per bot; one limit for all of them is the cautious reading).
     */
    @Override
    public Map<Channel, RateLimit> limits() {
        return sender.isPresent() ? Map.of(Channel.TELEGRAM, RateLimit.TELEGRAM) : Map.of();
    }

    /**
     * Starts long polling for each bot in polling mode: on one node of several only (Telegram
     * hands each update to one {@code getUpdates}), the one {@link ExclusiveJobs} picks per bot.
     */
    @Override
    public void start() {
        for (Unit u : units) {
            if (u.bot().isPresent() && u.config().mode() == TelegramConfig.Mode.POLLING) {
                jobs.register(u.pollingJob(), () -> polling.put(u.name(), TelegramPolling.start(u.config(), u.bot().get())),
                        () -> stopPolling(u.name()));
            } else {
                LOG.log(System.Logger.Level.INFO, "Telegram long polling off: bot={0} region={1} mode={2}",
                        u.bot().isPresent() ? "configured" : "unset", u.name(), u.config().mode());
            }
        }
        started = true;
    }

    /** Down only when a bot's polling was started and has stopped; an unconfigured bot is off, not down. */
    @Override
    public ChannelHealth health() {
        Map<String, String> details = new TreeMap<>();
        boolean defaultBot = units.stream().anyMatch(u -> u.scope().region().isEmpty() && u.bot().isPresent());
        details.put("bot", defaultBot ? "configured" : "off");
        details.put("mode", config.mode().name().toLowerCase(java.util.Locale.ROOT));
        long regionBots = units.stream().filter(u -> u.scope().region().isPresent()).count();
        if (regionBots > 0) {
            details.put("region-bots", String.valueOf(regionBots));
        }
        if (polling.isEmpty()) {
            details.put("polling", started ? "off" : "not started");
            return ChannelHealth.up(details);
        }
        boolean allRunning = true;
        for (Map.Entry<String, TelegramPolling> p : new TreeMap<>(polling).entrySet()) {
            boolean running = p.getValue().isRunning();
            allRunning &= running;
            details.put(p.getKey().equals("default") ? "polling" : "polling-" + p.getKey(), running ? "running" : "stopped");
        }
        return allRunning ? ChannelHealth.up(details) : ChannelHealth.down(details);
    }

    @Override
    public void close() {
        units.forEach(u -> stopPolling(u.name()));
    }

    private void stopPolling(String unit) {
        TelegramPolling p = polling.remove(unit);
        if (p != null) {
            p.close();
        }
    }

    /** The photos of several bots: each fetched by the downloader of the bot it was sent to. */
    private record EachBotsFiles(List<TelegramFileDownloader> bots) implements MediaDownloader {
        @Override
        public boolean handles(Media media) {
            return bots.stream().anyMatch(b -> b.handles(media));
        }

        @Override
        public byte[] download(Media media, long maxBytes) throws MediaDownloadException {
            for (TelegramFileDownloader b : bots) {
                if (b.handles(media)) {
                    return b.download(media, maxBytes);
                }
            }
            throw MediaDownloadException.refused("Telegram file: no bot of this deployment sent it");
        }
    }
}
