/**
 * Forwards complaints to an external Open311 GeoReport v2 endpoint and follows their status there.
 *
 * <p>Depends on dialog, store, Jackson and {@code services.complaints}.
 */
package id.kanal.services.open311;
