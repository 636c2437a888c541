package id.kanal.dialog;

import id.kanal.dialog.port.TransitMode;
import id.kanal.dialog.port.Trip.Which;

import java.util.Objects;
import java.util.Optional;

/**
 * A departure question being filled in: origin and destination as stop ids once resolved,
 * or as the resident's words while still to be resolved.
 *
 * @param anyDestination the resident asked for every departure, whatever its destination
 * @param which          the next departures, or the first or last one of the day
 * @param mode           the kind of transport the resident named ("kereta", "bus"), if any
 */
public record TripQuery(Optional<String> fromStop, Optional<String> toStop, Optional<String> toWords,
                        boolean anyDestination, Which which, Optional<TransitMode> mode) {
    public TripQuery {
        Objects.requireNonNull(fromStop, "fromStop");
        Objects.requireNonNull(toStop, "toStop");
        Objects.requireNonNull(toWords, "toWords");
        Objects.requireNonNull(which, "which");
        Objects.requireNonNull(mode, "mode");
    }

    public TripQuery(Optional<String> fromStop, Optional<String> toStop, Optional<String> toWords, boolean anyDestination) {
        this(fromStop, toStop, toWords, anyDestination, Which.NEXT, Optional.empty());
    }

    public static TripQuery empty() {
        return new TripQuery(Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    public TripQuery withFrom(String stopId) {
        return new TripQuery(Optional.of(stopId), toStop, toWords, anyDestination, which, mode);
    }

    public TripQuery withTo(String stopId) {
        return new TripQuery(fromStop, Optional.of(stopId), Optional.empty(), false, which, mode);
    }

    public TripQuery withToWords(String words) {
        return new TripQuery(fromStop, toStop, Optional.of(words), false, which, mode);
    }

    public TripQuery withoutToWords() {
        return new TripQuery(fromStop, toStop, Optional.empty(), anyDestination, which, mode);
    }

    public TripQuery withAnyDestination() {
        return new TripQuery(fromStop, Optional.empty(), Optional.empty(), true, which, mode);
    }

    public TripQuery with(Which which, Optional<TransitMode> mode) {
        return new TripQuery(fromStop, toStop, toWords, anyDestination, which, mode);
    }
}
