/**
 * The staff's administration HTTP API: uploading commodity prices.
 *
 * <p>Depends on services-bridge (the price importer), store, Helidon, Jackson and {@code
 * id.kanal.app.web}.
 */
package id.kanal.app.admin;
