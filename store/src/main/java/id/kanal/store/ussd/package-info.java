/**
 * USSD state every node must see: the sessions a gateway keeps open, and the slow turns held
 * past a session's END so their replies go out later by SMS (and survive a restart).
 *
 * <p>Depends on dialog's ports and {@code id.kanal.store} only; the USSD channel (channels)
 * reaches it through app.
 */
package id.kanal.store.ussd;
