/**
 * The USSD channel: the aggregator's callback, its sessions, and the menu screens a session walks.
 *
 * <p>Implements the channel contract ({@link id.kanal.channels.ussd.UssdChannel}). Depends on dialog,
 * Helidon, the contract ({@code id.kanal.channels}) and {@code channels.web}; never on another provider's package.
 */
package id.kanal.channels.ussd;
