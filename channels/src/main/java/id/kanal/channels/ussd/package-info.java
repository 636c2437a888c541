/**
 * The USSD channel: the aggregator's callback, its sessions, and the menu screens a session walks.
 *
 * <p>Depends on dialog, Helidon and {@code channels.web}; never on another provider's package.
 */
package id.kanal.channels.ussd;
