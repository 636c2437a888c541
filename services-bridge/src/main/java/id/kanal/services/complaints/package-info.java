/**
 * The complaint desk: filing, the complaint lifecycle and its notifications, duplicate detection,
 * queries for the console and APIs.
 *
 * <p>Depends on dialog, store and Jackson.
 */
package id.kanal.services.complaints;
