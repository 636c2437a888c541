package id.kanal.channels.telegram;

/**
 * Links a Telegram chat to a resident's phone number when they share their own contact, so
 * SMS, USSD, WhatsApp and Telegram are one person. Implementations commit before returning.
 */
@FunctionalInterface
public interface TelegramLinks {
    /**
     * @param e164   the resident's number, E.164
     * @param chatId the private chat's id
     */
    void link(String e164, String chatId);
}
