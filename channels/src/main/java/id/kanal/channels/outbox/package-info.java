/**
 * The outbox sender: claims due messages from the dialog's {@code OutboxQueue}, sends them through
 * each channel's {@link id.kanal.channels.outbox.ChannelSender}, with rate limits and retries.
 *
 * <p>Depends only on dialog; the channels plug in through {@code ChannelSender}.
 */
package id.kanal.channels.outbox;
