/**
 * Kanal's core: message records, the conversation state machine with one flow class per domain
 * (complaint, price, schedule, handoff), and the texts a resident reads.
 *
 * <p>Depends on the JDK only; every other module depends on it.
 */
package id.kanal.dialog;
