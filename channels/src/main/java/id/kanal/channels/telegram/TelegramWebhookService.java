package id.kanal.channels.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Telegram's webhook: {@code POST <mount>/telegram} with one {@code Update} as JSON
 * (https://core.telegram.org/bots/api#setwebhook). The request must carry the
 * {@code secret_token} given to {@code setWebhook} in {@code X-Telegram-Bot-Api-Secret-Token}.
 *
 * <p>Outcomes, as in courier: 503 while no secret is configured (unauthenticated updates are
 * never accepted), 403 for a missing or wrong secret, 400 for a body that is not an update,
 * 200 for an update handled or ignored (unknown types), 500 when Kanal fails: Telegram then
 * delivers the update again, and the dialog's deduplication by {@code update_id} keeps the
 * retry from running a second turn. The reply is sent after the 200 has been written.
 */
public final class TelegramWebhookService implements HttpService {
    private static final System.Logger LOG = System.getLogger(TelegramWebhookService.class.getName());
    static final HeaderName SECRET = HeaderNames.create("X-Telegram-Bot-Api-Secret-Token");

    private final Optional<byte[]> secret;
    private final Optional<TelegramBot> bot;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** @param bot absent when no bot token is configured: the route then answers 503 */
    public TelegramWebhookService(TelegramConfig config, Optional<TelegramBot> bot) {
        this.secret = config.webhookSecret().map(s -> s.getBytes(StandardCharsets.UTF_8));
        this.bot = bot;
        if (secret.isEmpty() || bot.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "Telegram webhook off: it answers 503 until KANAL_TELEGRAM_BOT_TOKEN "
                    + "and KANAL_TELEGRAM_WEBHOOK_SECRET are set");
        }
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/telegram", this::handle);
    }

    private void handle(ServerRequest req, ServerResponse res) {
        if (secret.isEmpty() || bot.isEmpty()) {
            res.status(Status.SERVICE_UNAVAILABLE_503).send("Telegram is not configured");
            return;
        }
        Optional<String> given = req.headers().first(SECRET);
        // Constant-time: the comparison must not tell an attacker how much of a guess was right.
        if (given.isEmpty() || !MessageDigest.isEqual(secret.get(), given.get().getBytes(StandardCharsets.UTF_8))) {
            LOG.log(System.Logger.Level.WARNING, "rejected channel=telegram: {0} secret token",
                    given.isEmpty() ? "missing" : "wrong");
            res.status(Status.FORBIDDEN_403).send("invalid secret token");
            return;
        }
        Update update;
        try {
            update = json.readValue(req.content().as(byte[].class), Update.class);
        } catch (IOException | RuntimeException e) {
            // Jackson's message quotes the body: log only the kind of failure.
            LOG.log(System.Logger.Level.WARNING, "rejected channel=telegram: body is not an Update: {0}",
                    e.getClass().getSimpleName());
            res.status(Status.BAD_REQUEST_400).send("body is not a Telegram Update");
            return;
        }
        if (update == null) {
            res.status(Status.BAD_REQUEST_400).send("body is not a Telegram Update");
            return;
        }
        Optional<TelegramBot.Delivery> delivery;
        try {
            delivery = bot.get().accept(update);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "failed channel=telegram update=" + update.getUpdateId(), e);
            res.status(Status.INTERNAL_SERVER_ERROR_500).send("failed; Telegram will retry");
            return;
        }
        res.status(Status.OK_200).send();
        delivery.ifPresent(bot.get()::deliver);
    }
}
