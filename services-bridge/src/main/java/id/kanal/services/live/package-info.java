/**
 * The public LIVE Room board: each region's complaint figures (handled, in progress, not yet
 * handled, overdue; by agency and by category; the median time to resolution), with no personal
 * data at all, for a wall screen and for anyone's phone.
 *
 * <p>Depends on store and {@code id.kanal.services} (its complaint desk) only.
 */
package id.kanal.services.live;
