package id.kanal.channels.telegram;

import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.LongPollingSingleThreadUpdateConsumer;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import java.util.List;

/**
 * Long polling ({@code getUpdates}, https://core.telegram.org/bots/api#getupdates) for a Kanal
 * without a public URL: a laptop, a city office behind NAT. Telegram refuses
 * {@code getUpdates} while a webhook is set, so start in webhook mode or here, not both.
 */
public final class TelegramPolling implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TelegramPolling.class.getName());
    /** Seconds Telegram holds a getUpdates open when there is nothing new. */
    static final int LONG_POLL_SECONDS = 50;

    private final TelegramBotsLongPollingApplication application;

    private TelegramPolling(TelegramBotsLongPollingApplication application) {
        this.application = application;
    }

    /** Starts polling the Bot API at {@code config.apiUrl()} and hands every update to the bot. */
    public static TelegramPolling start(TelegramConfig config, TelegramBot bot) {
        return start(config, bot, LONG_POLL_SECONDS);
    }

    static TelegramPolling start(TelegramConfig config, TelegramBot bot, int timeoutSeconds) {
        String token = config.botToken().orElseThrow(() -> new IllegalStateException("KANAL_TELEGRAM_BOT_TOKEN is not set"));
        TelegramBotsLongPollingApplication app = new TelegramBotsLongPollingApplication();
        try {
            // Updates of one bot are handled one at a time in order, so a resident's messages keep their order.
            app.registerBot(token, config::telegramUrl,
                    offset -> GetUpdates.builder().offset(offset + 1).timeout(timeoutSeconds)
                            .allowedUpdates(List.of("message", "callback_query")).build(),
                    (LongPollingSingleThreadUpdateConsumer) update -> bot.handle(update));
        } catch (TelegramApiException e) {
            closeQuietly(app);
            throw new IllegalStateException("cannot start Telegram long polling: " + e.getMessage(), e);
        }
        LOG.log(System.Logger.Level.INFO, "Telegram long polling started api={0}", config.apiUrl());
        return new TelegramPolling(app);
    }

    public boolean isRunning() {
        return application.isRunning();
    }

    @Override
    public void close() {
        closeQuietly(application);
        LOG.log(System.Logger.Level.INFO, "Telegram long polling stopped");
    }

    private static void closeQuietly(TelegramBotsLongPollingApplication app) {
        try {
            app.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "stopping Telegram long polling failed", e);
        }
    }
}
