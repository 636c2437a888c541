package id.kanal.dialog.port;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * One departure, in the region's local time (Asia/Jakarta).
 *
 * @param line     the route's short or long name ("Commuter Line Tangerang", "T11")
 * @param headsign where the trip goes
 * @param arrives  the arrival time at the asked destination, when one was asked
 */
public record Departure(String line, String headsign, Stop from, LocalDateTime departs, Optional<Stop> to,
                        Optional<LocalDateTime> arrives) {
    public Departure {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(headsign, "headsign");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(departs, "departs");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(arrives, "arrives");
    }
}
