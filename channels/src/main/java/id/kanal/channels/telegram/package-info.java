/**
 * The Telegram channel: Bot API webhook and long polling, linking a chat to a phone number, and
 * the sender.
 *
 * <p>Depends on dialog, the telegrambots library, Helidon, Jackson, and {@code channels.outbox} and
 * {@code channels.web}; never on another provider's package.
 */
package id.kanal.channels.telegram;
