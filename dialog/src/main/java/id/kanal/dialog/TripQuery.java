package id.kanal.dialog;

import java.util.Objects;
import java.util.Optional;

/**
 * A departure question being filled in: origin and destination as stop ids once resolved,
 * or as the resident's words while still to be resolved.
 *
 * @param anyDestination the resident asked for every departure, whatever its destination
 */
public record TripQuery(Optional<String> fromStop, Optional<String> toStop, Optional<String> toWords,
                        boolean anyDestination) {
    public TripQuery {
        Objects.requireNonNull(fromStop, "fromStop");
        Objects.requireNonNull(toStop, "toStop");
        Objects.requireNonNull(toWords, "toWords");
    }

    public static TripQuery empty() {
        return new TripQuery(Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    public TripQuery withFrom(String stopId) {
        return new TripQuery(Optional.of(stopId), toStop, toWords, anyDestination);
    }

    public TripQuery withTo(String stopId) {
        return new TripQuery(fromStop, Optional.of(stopId), Optional.empty(), false);
    }

    public TripQuery withToWords(String words) {
        return new TripQuery(fromStop, toStop, Optional.of(words), false);
    }

    public TripQuery withAnyDestination() {
        return new TripQuery(fromStop, Optional.empty(), Optional.empty(), true);
    }
}
