/**
 * The city services behind the dialog's ports, and what they share: a CSV reader, the demo data,
 * the one shape of a rejected import, the services benchmark.
 *
 * <p>Depends on dialog, store and Caffeine; the subpackages hold one service each.
 */
package id.kanal.services;
