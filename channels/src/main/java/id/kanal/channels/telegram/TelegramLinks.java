package id.kanal.channels.telegram;

/**
 * Links a Telegram chat to a resident's phone number when they share their own contact, so
 * SMS, USSD, WhatsApp and Telegram are one person. Implementations commit before returning.
 * A region's bot links within its region: both sides carry the region ({@code +62...@region}
 * and {@code <chat>@region}), so the same person's link with another region's bot is separate.
 */
@FunctionalInterface
public interface TelegramLinks {
    /**
     * @param e164   the resident's number, E.164, as the bot's region knows it ({@code +62...@region})
     * @param chatId the private chat's id, as the bot's region knows it ({@code <chat>@region})
     */
    void link(String e164, String chatId);
}
