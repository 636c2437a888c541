/**
 * The queries behind the agent console's complaint views: complaint pages and filters, the
 * dashboard figures, agencies' trends, and the region a desk may see ({@link
 * id.kanal.services.console.RegionScope}). Read-only over the complaint desk's tables.
 *
 * <p>Depends on dialog, store and {@code id.kanal.services} (its complaint desk); app renders them.
 */
package id.kanal.services.console;
