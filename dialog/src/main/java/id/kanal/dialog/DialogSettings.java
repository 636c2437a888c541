package id.kanal.dialog;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The region's dialog settings.
 *
 * @param regionName      shown in greetings ("Kota Tangerang")
 * @param ticketPrefix    the region's ticket prefix ("TNG"), used in examples
 * @param idleTimeout     a conversation idle this long restarts at the menu
 * @param zone            the region's time zone, for dates and departures
 * @param agentHours      when call-centre agents answer
 * @param staleAfterDays  prices older than this many days are called old in replies
 */
public record DialogSettings(String regionName, String ticketPrefix, Duration idleTimeout, ZoneId zone,
                             OpeningHours agentHours, int staleAfterDays) {
    public DialogSettings {
        Objects.requireNonNull(regionName, "regionName");
        Objects.requireNonNull(ticketPrefix, "ticketPrefix");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(agentHours, "agentHours");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive: " + idleTimeout);
        }
        if (staleAfterDays < 1) {
            throw new IllegalArgumentException("staleAfterDays must be >= 1: " + staleAfterDays);
        }
    }

    public static DialogSettings tangerang() {
        return new DialogSettings("Kota Tangerang", "TNG", Duration.ofMinutes(30), ZoneId.of("Asia/Jakarta"),
                OpeningHours.officeHours(), 3);
    }

    public DialogSettings withAgentHours(OpeningHours hours) {
        return new DialogSettings(regionName, ticketPrefix, idleTimeout, zone, hours, staleAfterDays);
    }
}
