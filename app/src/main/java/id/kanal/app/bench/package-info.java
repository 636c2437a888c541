/**
 * The {@code bench} command: a bare Helidon route and Kanal's signed SMS and USSD pipelines, each
 * server in its own JVM, driven by one load generator on loopback; prints throughput, latency
 * percentiles, CPU and heap per turn.
 *
 * <p>Depends on {@code id.kanal.app} (to start Kanal's server), dialog, Helidon and Caffeine; nothing
 * but {@code Main}'s command table uses it.
 */
package id.kanal.app.bench;
