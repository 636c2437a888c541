package id.kanal.channels.telegram;

import io.helidon.common.config.Config;
import org.telegram.telegrambots.meta.TelegramUrl;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Telegram settings.
 *
 * @param botToken      the bot's token ({@code KANAL_TELEGRAM_BOT_TOKEN}); absent: Telegram is off
 * @param webhookSecret the {@code secret_token} given to {@code setWebhook}
 *                      ({@code KANAL_TELEGRAM_WEBHOOK_SECRET}); absent: the webhook answers 503
 * @param apiUrl        the Bot API's base URL ({@code KANAL_TELEGRAM_API_URL}); tests point it at a fake
 * @param mode          how updates arrive ({@code KANAL_TELEGRAM_MODE})
 */
public record TelegramConfig(Optional<String> botToken, Optional<String> webhookSecret, URI apiUrl, Mode mode) {
    /** Telegram's own Bot API. */
    public static final URI DEFAULT_API_URL = URI.create("https://api.telegram.org");

    /** Webhook (Telegram calls {@code POST /channels/telegram}) or long polling ({@code getUpdates}). */
    public enum Mode {
        WEBHOOK, POLLING;

        /** Parses {@code webhook} or {@code polling} (any case). */
        public static Mode of(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("kanal.telegram.mode must be webhook or polling: " + value);
            }
        }
    }

    public TelegramConfig {
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(mode, "mode");
        botToken = botToken.filter(t -> !t.isBlank());
        webhookSecret = webhookSecret.filter(t -> !t.isBlank());
        if (apiUrl.getScheme() == null || apiUrl.getHost() == null) {
            throw new IllegalArgumentException("kanal.telegram.api-url must be an absolute URL: " + apiUrl);
        }
    }

    /**
     * Reads the {@code kanal.telegram} subtree: {@code bot-token} and {@code webhook-secret}
     * (secrets, set through the environment), {@code api-url} and {@code mode}. Without a mode
     * Kanal polls when it has no public URL (Telegram cannot call {@code localhost}) and takes
     * the webhook otherwise.
     */
    public static TelegramConfig create(Config telegram, boolean hasPublicUrl) {
        Config apiUrl = telegram.get("api-url");
        return new TelegramConfig(value(telegram.get("bot-token")), value(telegram.get("webhook-secret")),
                value(apiUrl).map(v -> {
                    try {
                        return URI.create(v);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(apiUrl.key() + " must be an absolute URL: " + v, e);
                    }
                }).orElse(DEFAULT_API_URL),
                value(telegram.get("mode")).map(Mode::of).orElse(hasPublicUrl ? Mode.WEBHOOK : Mode.POLLING));
    }

    private static Optional<String> value(Config key) {
        return key.asString().asOptional().map(String::strip).filter(v -> !v.isEmpty());
    }

    public boolean enabled() {
        return botToken.isPresent();
    }

    /** The client library's form of {@link #apiUrl()}. */
    TelegramUrl telegramUrl() {
        String scheme = apiUrl.getScheme().toLowerCase(Locale.ROOT);
        int port = apiUrl.getPort() >= 0 ? apiUrl.getPort() : scheme.equals("http") ? 80 : 443;
        return new TelegramUrl(scheme, apiUrl.getHost(), port, false);
    }

    @Override
    public String toString() {
        // Never print the token or the secret.
        return "TelegramConfig[botToken=" + (botToken.isPresent() ? "***" : "unset") + ", webhookSecret="
                + (webhookSecret.isPresent() ? "***" : "unset") + ", apiUrl=" + apiUrl + ", mode=" + mode + "]";
    }
}
