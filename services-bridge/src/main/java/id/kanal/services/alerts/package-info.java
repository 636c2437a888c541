/**
 * Alerts residents ask for: subscriptions by keyword, price alerts when an import moves a
 * commodity past the threshold, and area alerts staff send to a kelurahan or kecamatan.
 *
 * <p>Depends on dialog and store only.
 */
package id.kanal.services.alerts;
