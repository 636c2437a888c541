/**
 * The public LIVE Room board under {@code /live}: no login, no personal data, in Bahasa Indonesia,
 * for a wall screen and a phone. The figures come from {@link id.kanal.services.live.LiveBoard}.
 */
package id.kanal.app.live;
