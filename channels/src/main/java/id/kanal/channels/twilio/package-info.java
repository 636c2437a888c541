/**
 * The Twilio channel (SMS and WhatsApp): the signed inbound webhook, status callbacks, and the
 * sender.
 *
 * <p>Implements the channel contract ({@link id.kanal.channels.twilio.TwilioChannel}). Depends on
 * dialog, the Twilio SDK, Helidon, the contract ({@code id.kanal.channels}), {@code channels.outbox}
 * and {@code channels.web}; never on another provider's package.
 */
package id.kanal.channels.twilio;
