package id.kanal.dialog.port;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

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
}
