package id.kanal.channels.telegram;

import id.kanal.channels.outbox.SendResult;
import id.kanal.dialog.Reply;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Bot API calls Kanal makes, through {@code telegrambots-client}, with every answer
 * classified as a {@link SendResult} (https://core.telegram.org/bots/api#making-requests).
 */
final class TelegramApi {
    /** sendMessage: "1-4096 characters after entities parsing". */
    static final int MAX_TEXT = 4096;
    /** InlineKeyboardButton.callback_data: "1-64 bytes". */
    static final int MAX_CALLBACK_BYTES = 64;

    private final TelegramClient client;

    TelegramApi(TelegramClient client) {
        this.client = client;
    }

    /** Longer than the Bot API's usual answer, well inside the outbox's 60 s lease. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    static TelegramApi create(TelegramConfig config) {
        return create(config, DEFAULT_TIMEOUT);
    }

    /**
     * A client whose every call ends within {@code timeout}; a call that times out is a transport
     * failure, retried by the outbox (tests pass a short one so a hanging fake costs little).
     */
    static TelegramApi create(TelegramConfig config, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .callTimeout(timeout)
                .build();
        String token = config.botToken().orElseThrow(() -> new IllegalStateException("KANAL_TELEGRAM_BOT_TOKEN is not set"));
        return new TelegramApi(new OkHttpTelegramClient(http, token, config.telegramUrl()));
    }

    /** Sends a text, with the reply's options as an inline keyboard (one button a row). */
    SendResult sendMessage(String chatId, String text, List<Reply.Option> options) {
        SendMessage.SendMessageBuilder<?, ?> send = SendMessage.builder().chatId(chatId).text(clip(text));
        keyboard(options).ifPresent(send::replyMarkup);
        try {
            Message sent = client.execute(send.build());
            return new SendResult.Sent(sent == null || sent.getMessageId() == null ? "" : String.valueOf(sent.getMessageId()));
        } catch (TelegramApiException e) {
            return classify(e);
        }
    }

    /** Stops the spinner on the resident's button; a failure here only costs a spinner. */
    SendResult answerCallback(String callbackQueryId) {
        try {
            client.execute(AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId).build());
            return new SendResult.Sent(callbackQueryId);
        } catch (TelegramApiException e) {
            return classify(e);
        }
    }

    /**
     * Error answers carry {@code error_code}, {@code description} and, for 429, {@code
     * parameters.retry_after} (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this).
     * A 403 means the resident blocked the bot or deleted their account: they opted out.
     */
    static SendResult classify(TelegramApiException e) {
        if (!(e instanceof TelegramApiRequestException r) || r.getErrorCode() == null || r.getErrorCode() == 0) {
            // Transport failure, or an answer that is not the Bot API's JSON (a proxy's HTML 502
            // arrives with error code 0): the API never judged the request, so try again.
            return new SendResult.RetryLater(String.valueOf(e.getMessage()), Optional.empty());
        }
        int code = r.getErrorCode();
        String error = code + " " + r.getApiResponse();
        if (code == 429) {
            Optional<Duration> after = Optional.ofNullable(r.getParameters())
                    .map(p -> p.getRetryAfter()).map(Duration::ofSeconds);
            return new SendResult.RetryLater(error, after);
        }
        if (code >= 500) {
            return new SendResult.RetryLater(error, Optional.empty());
        }
        String description = String.valueOf(r.getApiResponse()).toLowerCase(Locale.ROOT);
        boolean optedOut = code == 403 && (description.contains("blocked") || description.contains("deactivated"));
        return new SendResult.Failed(error, optedOut);
    }

    static String clip(String text) {
        String t = text.isEmpty() ? "-" : text;
        if (t.length() <= MAX_TEXT) {
            return t;
        }
        int end = MAX_TEXT - 1;
        if (Character.isHighSurrogate(t.charAt(end - 1))) {
            end--;
        }
        return t.substring(0, end) + "\u2026";
    }

    private static Optional<InlineKeyboardMarkup> keyboard(List<Reply.Option> options) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        for (Reply.Option o : options) {
            if (o.key().getBytes(StandardCharsets.UTF_8).length > MAX_CALLBACK_BYTES || o.key().isEmpty()) {
                // The Bot API rejects the whole message for one oversized button; the text still lists it.
                continue;
            }
            rows.add(new InlineKeyboardRow(InlineKeyboardButton.builder().text(o.key() + " " + o.label())
                    .callbackData(o.key()).build()));
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of(InlineKeyboardMarkup.builder().keyboard(rows).build());
    }
}
