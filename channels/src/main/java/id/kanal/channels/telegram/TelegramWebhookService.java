package id.kanal.channels.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kanal.channels.web.BoundedBody;
import id.kanal.channels.web.ClientErrorException;
import id.kanal.channels.web.MalformedRequestException;
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
 * 413 for a body above {@link #MAX_BODY_BYTES} or a text above the Bot API's limits, 200 for an
 * update handled or ignored (unknown types, malformed messages: logged), 500 when Kanal fails: Telegram then
 * delivers the update again, and the dialog's deduplication by {@code update_id} keeps the
 * retry from running a second turn. The reply is sent after the 200 has been written.
 */
public final class TelegramWebhookService implements HttpService {
    private static final System.Logger LOG = System.getLogger(TelegramWebhookService.class.getName());
    static final HeaderName SECRET = HeaderNames.create("X-Telegram-Bot-Api-Secret-Token");
    /**
     * The largest update read: a 4096-character text escaped as six-character unicode escapes is 24 KiB, and an
     * update may quote another message (reply_to_message) with its own text and entities.
     */
    static final int MAX_BODY_BYTES = 256 * 1024;

    private final Optional<byte[]> secret;
    private final Optional<TelegramBot> bot;
    private final String path;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** @param bot absent when no bot token is configured: the route then answers 503 */
    public TelegramWebhookService(TelegramConfig config, Optional<TelegramBot> bot) {
        this(config, bot, "/telegram");
    }

    /**
     * A region's bot's webhook at its own {@code path} (under the mount), checked against its own
     * secret, so an update is handed to the bot it was sent to.
     */
    TelegramWebhookService(TelegramConfig config, Optional<TelegramBot> bot, String path) {
        this.path = path;
        this.secret = config.webhookSecret().map(s -> s.getBytes(StandardCharsets.UTF_8));
        this.bot = bot;
        if (secret.isEmpty() || bot.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "Telegram webhook off: it answers 503 until KANAL_TELEGRAM_BOT_TOKEN "
                    + "and KANAL_TELEGRAM_WEBHOOK_SECRET are set");
        }
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post(path, this::handle);
    }

    private void handle(ServerRequest req, ServerResponse res) {
        if (secret.isEmpty() || bot.isEmpty()) {
            res.status(Status.SERVICE_UNAVAILABLE_503).send("Telegram is not configured");
            return;
        }
        Optional<String> given = req.headers().first(SECRET);
        // Constant-time: the comparison must not tell an attacker how much of a guess was right.
        if (given.isEmpty() || !MessageDigest.isEqual(secret.get(), given.get().getBytes(StandardCharsets.UTF_8))) {
            LOG.log(System.Logger.Level.WARNING, "rejected channel=telegram path={0}: {1} secret token", path,
                    given.isEmpty() ? "missing" : "wrong");
            res.status(Status.FORBIDDEN_403).send("invalid secret token");
            return;
        }
        Update update;
        try {
            // Read outside the parse's catch: a body the server refuses (too large, cut off) must
            // leave as the server's refusal, which closes the connection, never as a 400 here.
            byte[] body = BoundedBody.bytes(req, MAX_BODY_BYTES);
            update = parse(body);
        } catch (ClientErrorException e) {
            LOG.log(System.Logger.Level.WARNING, "rejected channel=telegram status={0}: {1}", e.status(), e.getMessage());
            res.status(Status.create(e.status())).send(e.getMessage());
            return;
        }
        Optional<TelegramBot.Delivery> delivery;
        try {
            delivery = bot.get().accept(update);
        } catch (ClientErrorException e) {
            LOG.log(System.Logger.Level.WARNING, "rejected channel=telegram update={0} status={1}: {2}",
                    String.valueOf(update.getUpdateId()), e.status(), e.getMessage());
            res.status(Status.create(e.status())).send(e.getMessage());
            return;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "failed channel=telegram update=" + update.getUpdateId(), e);
            res.status(Status.INTERNAL_SERVER_ERROR_500).send("failed; Telegram will retry");
            return;
        }
        res.status(Status.OK_200).send();
        delivery.ifPresent(bot.get()::deliver);
    }

    /** The update in the body; {@link MalformedRequestException} when it is not one. */
    private Update parse(byte[] body) {
        Update update;
        try {
            update = json.readValue(body, Update.class);
        } catch (IOException | RuntimeException e) {
            // Jackson's message quotes the body: log only the kind of failure.
            LOG.log(System.Logger.Level.DEBUG, "body is not an Update: {0}", e.getClass().getSimpleName());
            throw new MalformedRequestException("body is not a Telegram Update");
        }
        if (update == null) {
            throw new MalformedRequestException("body is not a Telegram Update");
        }
        return update;
    }
}
