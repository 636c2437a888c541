/**
 * The timetable: importing GTFS feeds, storing them, and answering next-departure and stop
 * questions from an in-memory index.
 *
 * <p>Depends on dialog, store, Caffeine and {@code id.kanal.services}.
 */
package id.kanal.services.timetable;
