package id.kanal.services.timetable;

import java.time.Duration;
import java.util.Objects;

/** What a GTFS import loaded: the feed's name and new version, its size, and the wall time taken. */
public record GtfsImportResult(String feed, long version, int stops, int trips, int stopTimes, Duration took) {
    public GtfsImportResult {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(took, "took");
    }
}
