/**
 * The public LIVE Room board under {@code /live}: no login, no personal data, in Bahasa Indonesia,
 * for a wall screen and a phone. The figures come from {@link id.kanal.services.live.LiveBoard}.
 *
 * <p>Depends on services' live board, app's web helpers and channels' request-size guard; never on
 * the console (no session, no personal data).
 */
package id.kanal.app.live;
