/**
 * Kanal's entry point and wiring: {@code Main} and its commands, configuration (Helidon config,
 * environment overrides), the Helidon server and routing, and the objects every module provides,
 * put together in {@code Kanal}.
 *
 * <p>The app module is the only one that may depend on every other module (dialog, intents,
 * store, services-bridge, channels); it also uses Helidon's web server and config.
 */
package id.kanal.app;
