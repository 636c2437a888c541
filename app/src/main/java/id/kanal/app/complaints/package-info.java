/**
 * The staff's complaints HTTP API (list, read, update complaints for other city systems).
 *
 * <p>Depends on dialog, services-bridge (the complaint desk), Helidon, Jackson and {@code
 * id.kanal.app.web}.
 */
package id.kanal.app.complaints;
