package id.kanal.services.timetable;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One parsed and checked GTFS feed, as plain values; {@link TimetableIndex} is built from these. */
record FeedData(String name, List<StopData> stops, List<TripData> trips, Map<String, ServiceData> services) {

    /** parent: index of the parent station in {@code stops}, or -1. */
    record StopData(String id, Optional<String> code, String name, int parent) {
    }

    /**
     * A trip's calls: stop indices and arrival/departure seconds after the service day's midnight
     * (may pass 86,400: GTFS writes 25:10:00 for 01:10 the next morning). Frequency windows are
     * {start, end, headway} in seconds; a trip with windows runs its stop times as a template
     * shifted so its first departure falls on each headway step. routeType is the route's GTFS
     * route_type (2 rail, 3 bus, or an extended type such as 109 or 700). A last call with arrival
     * and departure -1 is the terminal the headsign names but the feed does not list (set down
     * only, time unknown).
     */
    record TripData(String id, String line, int routeType, String headsign, String service, int[] stops, int[] arrivals,
                    int[] departures, boolean[] pickup, boolean[] dropOff, List<int[]> frequencies,
                    boolean lastIsTerminal) {
        /** Whether a resident can board at call {@code pos} (not at the terminal, not where pickup is forbidden). */
        boolean boards(int pos) {
            return pickup[pos] && (pos < stops.length - 1 || !lastIsTerminal);
        }
    }

    /** calendar.txt (days: bit 0 = Monday) plus calendar_dates.txt exceptions. */
    record ServiceData(int days, LocalDate start, LocalDate end, Set<LocalDate> added, Set<LocalDate> removed) {
        boolean runsOn(LocalDate date) {
            if (removed.contains(date)) {
                return false;
            }
            if (added.contains(date)) {
                return true;
            }
            return start != null && !date.isBefore(start) && !date.isAfter(end)
                    && (days & (1 << (date.getDayOfWeek().getValue() - 1))) != 0;
        }
    }
}
