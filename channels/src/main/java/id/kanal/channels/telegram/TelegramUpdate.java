package id.kanal.channels.telegram;

import id.kanal.channels.web.BoundedBody;
import id.kanal.channels.web.ClientErrorException;
import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.GeoPoint;
import id.kanal.dialog.InboundMessage;
import id.kanal.dialog.Media;
import id.kanal.dialog.PhoneNumbers;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Contact;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.location.Location;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What one Bot API {@code Update} means to Kanal (https://core.telegram.org/bots/api#update).
 * Exactly one optional field of an update is set; Kanal reads {@code message} and
 * {@code callback_query} and ignores the rest (edits, channel posts, polls, member changes).
 *
 * <p>A malformed update (no chat, a location without coordinates or off the globe, a contact
 * without a number, a button press with neither sender nor message) is {@link Ignored}, never an
 * exception: an update that fails is answered 500 and Telegram would resend it forever. A text or
 * caption longer than the Bot API allows is refused with 413 ({@link ClientErrorException}).
 */
sealed interface TelegramUpdate {
    /** A resident's input for the dialog; {@code callbackQueryId} when it came from a button. */
    record Input(InboundMessage message, Optional<String> callbackQueryId) implements TelegramUpdate {
    }

    /** The resident shared their own phone number. */
    record SharedContact(String updateId, String chatId, String e164) implements TelegramUpdate {
    }

    /** Nothing for Kanal; the reason is logged. */
    record Ignored(String reason) implements TelegramUpdate {
    }

    /** The Bot API's limits for a message text and a media caption: https://core.telegram.org/bots/api#sendmessage */
    int MAX_TEXT_CHARACTERS = 4096;
    int MAX_CAPTION_CHARACTERS = 1024;

    /** Telegram's file reference for a photo: fetched later with {@code getFile} (its URL holds the token). */
    String FILE_SCHEME = "telegram-file:";

    static TelegramUpdate of(Update update, Instant now) {
        return of(update, now, BotScope.UNNAMED);
    }

    /** The update as it came to the bot {@code scope}: its ids are that bot's, its input arrived on that bot. */
    static TelegramUpdate of(Update update, Instant now, BotScope scope) {
        if (update.getUpdateId() == null) {
            return new Ignored("no update_id");
        }
        String id = scope.updateId(update.getUpdateId());
        TelegramUpdate parsed = update.hasMessage() ? message(id, update.getMessage(), now, scope)
                : update.hasCallbackQuery() ? callback(id, update.getCallbackQuery(), now)
                : new Ignored(update.hasEditedMessage() ? "edited_message" : "unsupported update type");
        if (parsed instanceof Input in && !scope.identity().isEmpty()) {
            return new Input(in.message().arrivedOn(scope.identity()), in.callbackQueryId());
        }
        return parsed;
    }

    private static TelegramUpdate message(String id, Message m, Instant now, BotScope scope) {
        if (m.getChat() == null || m.getChat().getId() == null) {
            return new Ignored("message without chat");
        }
        String chatId = String.valueOf(m.getChatId());
        Address from = new Address(Channel.TELEGRAM, chatId);
        if (m.getContact() != null) {
            return contact(id, chatId, m);
        }
        if (m.getLocation() != null) {
            return point(m.getLocation())
                    .<TelegramUpdate>map(p -> input(new InboundMessage(id, from, "", List.of(), Optional.of(p), now)))
                    .orElseGet(() -> new Ignored("location without coordinates on the globe"));
        }
        if (m.getPhoto() != null && !m.getPhoto().isEmpty()) {
            if (m.getCaption() != null) {
                BoundedBody.checkLength("caption", m.getCaption(), MAX_CAPTION_CHARACTERS);
            }
            // Telegram sends several sizes of one photo; keep the largest for the complaint.
            PhotoSize largest = m.getPhoto().stream()
                    .max(Comparator.comparingLong(TelegramUpdate::pixels)).orElseThrow();
            Media media = new Media(FILE_SCHEME + scope.fileRef(largest.getFileId()), "image/jpeg");
            return input(new InboundMessage(id, from, m.getCaption(), List.of(media), Optional.empty(), now));
        }
        if (m.getText() != null && !m.getText().isBlank()) {
            BoundedBody.checkLength("text", m.getText(), MAX_TEXT_CHARACTERS);
            return input(InboundMessage.text(id, from, command(m.getText()), now));
        }
        return new Ignored("message without text, photo, location or contact");
    }

    private static TelegramUpdate contact(String id, String chatId, Message m) {
        Contact c = m.getContact();
        // Only the resident's own number links (a shared contact can be anyone's): Telegram sets
        // user_id on a contact that is a Telegram user, and it equals the sender for "share my number".
        if (m.getFrom() == null || c.getUserId() == null || !c.getUserId().equals(m.getFrom().getId())) {
            return new Ignored("contact of someone else");
        }
        if (c.getPhoneNumber() == null || c.getPhoneNumber().isBlank()) {
            return new Ignored("contact without a phone number");
        }
        return PhoneNumbers.normalise(c.getPhoneNumber().startsWith("+") ? c.getPhoneNumber() : "+" + c.getPhoneNumber())
                .<TelegramUpdate>map(e164 -> new SharedContact(id, chatId, e164))
                .orElseGet(() -> new Ignored("contact without a valid phone number"));
    }

    private static TelegramUpdate callback(String id, CallbackQuery q, Instant now) {
        Long chat = q.getMessage() != null && q.getMessage().getChat() != null ? q.getMessage().getChat().getId() : null;
        // In a private chat the chat id is the user's id; a button under an old, inaccessible
        // message may come without the message.
        Long user = q.getFrom() != null ? q.getFrom().getId() : null;
        if (chat == null && user == null) {
            return new Ignored("callback_query without message or sender");
        }
        String chatId = String.valueOf(chat != null ? chat : user);
        String data = q.getData() == null ? "" : q.getData();
        return new Input(InboundMessage.text(id, new Address(Channel.TELEGRAM, chatId), data, now),
                Optional.ofNullable(q.getId()));
    }

    /** The shared point; empty when a coordinate is missing or off the globe. */
    private static Optional<GeoPoint> point(Location location) {
        Double lat = location.getLatitude();
        Double lon = location.getLongitude();
        if (lat == null || lon == null || !(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180)) {
            return Optional.empty();
        }
        return Optional.of(new GeoPoint(lat, lon));
    }

    private static TelegramUpdate input(InboundMessage message) {
        return new Input(message, Optional.empty());
    }

    /** Bot commands ({@code /start}, {@code /start@KanalBot payload}) become the dialog's global words. */
    private static String command(String text) {
        String t = text.strip();
        if (!t.startsWith("/")) {
            return text;
        }
        String name = t.substring(1).split("[\\s@]", 2)[0].toLowerCase(Locale.ROOT);
        return switch (name) {
            case "start", "menu" -> "MENU";
            case "help", "bantuan" -> "BANTUAN";
            case "batal", "cancel" -> "BATAL";
            default -> text;
        };
    }

    private static long pixels(PhotoSize p) {
        long area = (long) nz(p.getWidth()) * nz(p.getHeight());
        return area > 0 ? area : nz(p.getFileSize());
    }

    private static int nz(Integer v) {
        return v == null ? 0 : v;
    }
}
