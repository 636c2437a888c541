package id.kanal.app;

import id.kanal.channels.outbox.ChannelSender;
import id.kanal.channels.smpp.SmppChannel;
import id.kanal.channels.telegram.TelegramBot;
import id.kanal.channels.telegram.TelegramConfig;
import id.kanal.channels.telegram.TelegramPolling;
import id.kanal.channels.telegram.TelegramWebhookService;
import id.kanal.channels.ussd.UssdFlow;
import id.kanal.channels.ussd.UssdService;
import id.kanal.dialog.Texts;
import id.kanal.dialog.port.OutboxQueue;
import id.kanal.dialog.InboundHandler;
import id.kanal.dialog.port.ConversationStore;
import id.kanal.dialog.port.OutboundMessage;
import id.kanal.store.Database;
import id.kanal.store.Outbox;
import id.kanal.store.SqlResidentRegistry;
import id.kanal.store.TelegramChats;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Telegram and USSD wired to the dialog and the database: the webhook routes, the bot shared
 * by the webhook and long polling, and the outbox as the durable path for late replies.
 */
final class Channels implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Channels.class.getName());

    private final ChannelSettings settings;
    private final Optional<TelegramBot> bot;
    private final TelegramWebhookService telegram;
    private final UssdService ussd;
    private final SmppChannel smpp;
    private volatile TelegramPolling polling;

    /** @param wakeOutbox wakes the outbox sender after a reply is committed (SMPP replies leave through it) */
    Channels(ChannelSettings settings, InboundHandler handler, ConversationStore conversations, Database database,
             OutboxQueue outboxQueue, Runnable wakeOutbox, Clock clock) {
        this.settings = settings;
        Consumer<OutboundMessage> outbox = m -> database.inTransaction(c -> Outbox.enqueue(c, m, clock.instant()));
        this.bot = settings.telegram().enabled()
                ? Optional.of(TelegramBot.create(settings.telegram(), handler,
                        (e164, chat) -> database.inTransaction(c -> {
                            TelegramChats.link(c, e164, chat, clock.instant());
                            return null;
                        }), new SqlResidentRegistry(database)::language, outbox, clock))
                : Optional.empty();
        this.telegram = new TelegramWebhookService(settings.telegram(), bot);
        this.ussd = new UssdService(settings.ussd(), handler, conversations, new SqlUssdSessions(database), outbox,
                new SqlUssdReceipts(database), clock);
        this.smpp = new SmppChannel(settings.smpp(), handler, new SqlSmppLedger(database, wakeOutbox), outboxQueue,
                Optional.of(new UssdFlow(settings.ussd(), handler, conversations, new SqlUssdSessions(database), outbox,
                        new SqlUssdReceipts(database), Texts.builtIn(), clock)), clock);
    }

    /** The SMPP links; {@code KanalServer} starts them, {@link #close()} unbinds them. */
    SmppChannel smpp() {
        return smpp;
    }

    /**
     * Each SMSC link's state for {@code /observe/health}. Always up: an operator's SMSC being away
     * must not take the node out of the load balancer, which would stop its HTTP channels too.
     */
    io.helidon.health.HealthCheckResponse smppHealth() {
        io.helidon.health.HealthCheckResponse.Builder b = io.helidon.health.HealthCheckResponse.builder().status(true);
        smpp.health().forEach(b::detail);
        return b.build();
    }

    /** The outbox's SMS sender when SMS goes over SMPP ({@code KANAL_SMS_SENDER}). */
    Optional<ChannelSender> smsOverSmpp() {
        return settings.smpp().sendsSms() ? Optional.of(smpp.sender()) : Optional.empty();
    }

    TelegramWebhookService telegram() {
        return telegram;
    }

    UssdService ussd() {
        return ussd;
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
        smpp.close();
        TelegramPolling p = polling;
        if (p != null) {
            p.close();
            polling = null;
        }
    }
}
