/**
 * The price board: importing commodity price CSVs and answering price questions.
 *
 * <p>Depends on dialog, store, Caffeine and {@code id.kanal.services}.
 */
package id.kanal.services.prices;
