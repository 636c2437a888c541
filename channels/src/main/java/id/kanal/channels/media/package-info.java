/**
 * Downloading what residents send (photos) from the provider that holds it: one capped HTTP GET
 * that keeps credentials on the provider's own host, shared by the Twilio and Telegram downloaders.
 *
 * <p>Depends on the dialog's ports (the {@code MediaDownloadException} it raises) and the JDK's HTTP client only.
 */
package id.kanal.channels.media;
