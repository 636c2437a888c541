/**
 * The Twilio channel (SMS and WhatsApp): the signed inbound webhook, status callbacks, and the
 * sender.
 *
 * <p>Depends on dialog, the Twilio SDK, Helidon, and {@code channels.outbox} and {@code
 * channels.web}; never on another provider's package.
 */
package id.kanal.channels.twilio;
