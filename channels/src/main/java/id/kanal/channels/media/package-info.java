/**
 * Downloading what residents send (photos) from the provider that holds it: one capped HTTP GET
 * that keeps credentials on the provider's own host, shared by the Twilio and Telegram downloaders.
 */
package id.kanal.channels.media;
