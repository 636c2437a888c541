/**
 * The Telegram channel: Bot API webhook and long polling, linking a chat to a phone number, and
 * the sender.
 *
 * <p>Implements the channel contract ({@link id.kanal.channels.telegram.TelegramChannel}). Depends on
 * dialog, the telegrambots library, Helidon, Jackson, the contract ({@code id.kanal.channels}),
 * {@code channels.outbox} and {@code channels.web}; never on another provider's package.
 */
package id.kanal.channels.telegram;
