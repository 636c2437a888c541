package id.kanal.dialog.port;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The bus and train timetable. Times are the region's local time (Asia/Jakarta). */
public interface ScheduleService {
    /** Stops whose name or code matches a resident's spelling, best first ("poris", "st tng", "stasiun tangerang"). */
    List<Stop> findStops(String query, int limit);

    /** A stop by its id. */
    Optional<Stop> stop(String stopId);

    /**
     * The next departures from a stop after a time, only trips that reach {@code to} afterwards
     * when it is given, soonest first.
     */
    List<Departure> nextDepartures(String fromStopId, Optional<String> toStopId, LocalDateTime after, int limit);

    /**
     * The first departures of one service day (its trips past 24:00 included, dated the next
     * morning), earliest first, only trips that reach {@code to} afterwards when it is given.
     * Empty when the day has no service there (calendar and calendar_dates honoured).
     */
    List<Departure> firstDepartures(String fromStopId, Optional<String> toStopId, LocalDate serviceDay, int limit);

    /** The last departures of one service day, in time order (the very last one last); as {@link #firstDepartures}. */
    List<Departure> lastDepartures(String fromStopId, Optional<String> toStopId, LocalDate serviceDay, int limit);

    /** Whether any trip, on any day, boards at {@code from} and later sets down at {@code to} (a direct line). */
    boolean connects(String fromStopId, String toStopId);

    /** What runs from a stop (or stops there): empty for an unknown stop or one no trip calls at. */
    Set<TransitMode> modes(String stopId);

    /** Whether the region has a timetable at all (a feed imported): the menu offers timetables only then. */
    default boolean hasTrips() {
        return true;
    }
}
