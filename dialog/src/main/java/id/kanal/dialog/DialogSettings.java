package id.kanal.dialog;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The region's dialog settings.
 *
 * @param regionName  shown in greetings ("Kota Tangerang")
 * @param ticketPrefix the region's ticket prefix ("TNG"), used in examples
 * @param idleTimeout a conversation idle this long restarts at the menu
 * @param zone        the region's time zone, for dates and departures
 */
public record DialogSettings(String regionName, String ticketPrefix, Duration idleTimeout, ZoneId zone) {
    public DialogSettings {
        Objects.requireNonNull(regionName, "regionName");
        Objects.requireNonNull(ticketPrefix, "ticketPrefix");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(zone, "zone");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive: " + idleTimeout);
        }
    }

    public static DialogSettings tangerang() {
        return new DialogSettings("Kota Tangerang", "TNG", Duration.ofMinutes(30), ZoneId.of("Asia/Jakarta"));
    }
}
