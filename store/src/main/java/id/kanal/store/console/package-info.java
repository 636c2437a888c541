/**
 * The agent console's own tables behind small interfaces: accounts and sessions, canned replies,
 * the queue of conversations waiting for an agent, what an agent's action writes (transcript,
 * outbox and handoff log in one transaction), search text and the simulator's inbox.
 *
 * <p>Depends on dialog and {@code id.kanal.store} only; the console's HTTP side (app) calls it.
 */
package id.kanal.store.console;
