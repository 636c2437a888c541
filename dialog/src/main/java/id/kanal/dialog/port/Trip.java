package id.kanal.dialog.port;

import java.util.Objects;
import java.util.Optional;

/**
 * The trip a message asks about, as the classifier read it ({@link IntentClassifier#trip}): the
 * origin and destination as the resident named them ("dari Poris ke Duri", "from Tangerang to
 * Grogol", "di halte Cikokol"; the dialog resolves them against the timetable), the next
 * departures or the first or last of the day ("kereta terakhir"), and the kind of transport named
 * ("kereta", "bus"), if one. {@link #NONE} when it names nothing.
 */
public record Trip(Optional<String> from, Optional<String> to, Which which, Optional<TransitMode> mode) {
    /** What the resident asked about the departures. */
    public enum Which { NEXT, FIRST, LAST }

    /** A message that names no stop, no first or last, no kind of transport. */
    public static final Trip NONE = new Trip(Optional.empty(), Optional.empty(), Which.NEXT, Optional.empty());

    public Trip {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(which, "which");
        Objects.requireNonNull(mode, "mode");
    }
}
