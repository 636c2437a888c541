/**
 * The agent console: log-in and accounts, the conversation and complaint views, agent replies and
 * handoff, live events, served to the browser page under {@code /console}.
 *
 * <p>Depends on dialog, store, services-bridge, Helidon, Jackson, Bouncy Castle (password hashing)
 * and {@code id.kanal.app.web}.
 */
package id.kanal.app.console;
