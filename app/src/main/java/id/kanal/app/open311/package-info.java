/**
 * The Open311 GeoReport v2 server other city systems file and read complaints through.
 *
 * <p>Depends on dialog, services-bridge (the complaint desk), channels' form parsing, Helidon,
 * Jackson and {@code id.kanal.app.web}.
 */
package id.kanal.app.open311;
