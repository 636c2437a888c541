package id.kanal.app;

import id.kanal.channels.outbox.OutboxHeldReplies;
import id.kanal.channels.telegram.TelegramBot;
import id.kanal.channels.telegram.TelegramConfig;
import id.kanal.channels.telegram.TelegramPolling;
import id.kanal.channels.telegram.TelegramWebhookService;
import id.kanal.channels.ussd.QueuedReceipts;
import id.kanal.channels.ussd.UssdService;
import id.kanal.dialog.InboundHandler;
import id.kanal.dialog.port.ConversationStore;
import id.kanal.dialog.port.OutboundMessage;
import id.kanal.store.Database;
import id.kanal.store.SqlOutboxQueue;
import id.kanal.store.SqlResidentRegistry;
import id.kanal.store.ussd.SqlUssdPendingTurns;
import id.kanal.store.ussd.SqlUssdSessions;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Telegram and USSD wired to the dialog and the database: the webhook routes, the bot shared
 * by the webhook and long polling, and the outbox as the durable path for late replies.
 */
final class Channels implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Channels.class.getName());
    /**
     * How long the bot's claim on a held Telegram reply lasts: past its direct send's longest
     * calls (answering the button, then sendMessage, 15 s each at most), so the outbox never
     * sends a second copy; after a crash the reply follows within this.
     */
    static final Duration TELEGRAM_REPLY_LEASE = Duration.ofSeconds(45);

    private final ChannelSettings settings;
    private final Optional<TelegramBot> bot;
    private final TelegramWebhookService telegram;
    private final UssdService ussd;
    private volatile TelegramPolling polling;

    /**
     * @param receipts   whether a USSD turn filed a complaint, whose SMS receipt the complaint desk queued
     * @param wakeOutbox wakes the outbox sender (a Telegram reply it must take over is due at once)
     */
    Channels(ChannelSettings settings, InboundHandler handler, ConversationStore conversations, Database database,
             QueuedReceipts receipts, Runnable wakeOutbox, Clock clock) {
        this.settings = settings;
        SqlOutboxQueue outboxQueue = new SqlOutboxQueue(database);
        Consumer<OutboundMessage> outbox = m -> outboxQueue.enqueue(m, clock.instant());
        SqlResidentRegistry residents = new SqlResidentRegistry(database);
        this.bot = settings.telegram().enabled()
                ? Optional.of(TelegramBot.create(settings.telegram(), handler,
                        (e164, chat) -> residents.linkTelegramChat(e164, chat, clock.instant()),
                        residents::language, outbox,
                        new OutboxHeldReplies(outboxQueue, outboxQueue::hold, TELEGRAM_REPLY_LEASE, wakeOutbox), clock))
                : Optional.empty();
        this.telegram = new TelegramWebhookService(settings.telegram(), bot);
        this.ussd = new UssdService(settings.ussd(), handler, conversations,
                new StoredUssdSessions(new SqlUssdSessions(database)),
                new StoredPendingUssdTurns(new SqlUssdPendingTurns(database), clock), receipts, clock);
        if (!settings.ussd().enabled()) {
            LOG.log(System.Logger.Level.INFO, "USSD off (its route answers 503) until KANAL_USSD_SECRET or "
                    + "KANAL_USSD_ALLOWED_IPS names the gateway");
        }
    }

    TelegramWebhookService telegram() {
        return telegram;
    }

    UssdService ussd() {
        return ussd;
    }

    /** Runs the slow USSD turns a stop left unfinished (their replies by SMS): at start, before the routes take requests. */
    void resumeUssdTurns() {
        ussd.resumeUnfinished();
    }

    /** Starts Telegram long polling when a bot is configured in polling mode. */
    void startPolling() {
        if (bot.isPresent() && settings.telegram().mode() == TelegramConfig.Mode.POLLING) {
            polling = TelegramPolling.start(settings.telegram(), bot.get());
        } else {
            LOG.log(System.Logger.Level.INFO, "Telegram long polling off: bot={0} mode={1}",
                    bot.isPresent() ? "configured" : "unset", settings.telegram().mode());
        }
    }

    @Override
    public void close() {
        TelegramPolling p = polling;
        if (p != null) {
            p.close();
            polling = null;
        }
    }
}
