/**
 * The ports the dialog calls and the values they exchange (intent classifier, conversation store,
 * outbox, complaint, price and schedule services), implemented by the other modules.
 *
 * <p>Depends on the JDK and {@code id.kanal.dialog} only.
 */
package id.kanal.dialog.port;
