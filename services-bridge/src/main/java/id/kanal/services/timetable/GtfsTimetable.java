package id.kanal.services.timetable;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import id.kanal.dialog.port.Departure;
import id.kanal.dialog.port.ScheduleService;
import id.kanal.dialog.port.Stop;
import id.kanal.dialog.port.TransitMode;
import id.kanal.store.Database;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The timetable over the imported GTFS feeds, answered from an in-memory {@link TimetableIndex}.
 * An import builds a whole new index and swaps it in by one reference: a query reads the
 * reference once, so it sees the feeds before the import or after it, never a mix.
 *
 * <p>Stop ids are {@code feed:stop_id} ("krl:TNG", "transjakarta:B05720P"); a bare GTFS stop id
 * is accepted too when it is unambiguous. Times are Asia/Jakarta local times, as the port says.
 */
public final class GtfsTimetable implements ScheduleService {
    private static final System.Logger LOG = System.getLogger(GtfsTimetable.class.getName());

    private record Snapshot(TimetableIndex index, Map<String, Long> versions, Cache<String, List<Stop>> searches) {
    }

    private final AtomicReference<Snapshot> current;
    /** The region whose feeds this timetable answers from; empty: every feed in the database. */
    private final java.util.Optional<String> region;

    private GtfsTimetable(List<FeedData> feeds, Map<String, Long> versions, java.util.Optional<String> region) {
        this.current = new AtomicReference<>(snapshot(feeds, versions));
        this.region = region;
    }

    /** An empty timetable (answers nothing until a feed is installed). */
    public static GtfsTimetable empty() {
        return new GtfsTimetable(List.of(), Map.of(), java.util.Optional.empty());
    }

    /** The timetable of the feeds active in the database (the state after the last imports). */
    public static GtfsTimetable load(Database db) {
        GtfsTimetable timetable = empty();
        timetable.refresh(db);
        return timetable;
    }

    /** The timetable of one region's feeds (a deployment of several regions has one per region). */
    public static GtfsTimetable load(Database db, String region) {
        GtfsTimetable timetable = new GtfsTimetable(List.of(), Map.of(), java.util.Optional.of(region));
        timetable.refresh(db);
        return timetable;
    }

    /** The region whose feeds this answers from (its importer writes feeds as that region's); empty: all. */
    public java.util.Optional<String> region() {
        return region;
    }

    /**
     * Rebuilds the index when the database's active feed versions differ from this one's, e.g.
     * after another node imported a feed. Cheap when nothing changed (one small query).
     */
    public synchronized boolean refresh(Database db) {
        Map<String, Long> versions = GtfsFeedStore.activeVersions(db, region);
        if (versions.equals(current.get().versions())) {
            return false;
        }
        List<FeedData> feeds = new ArrayList<>();
        versions.forEach((feed, version) -> feeds.add(
                GtfsParser.parse(feed, GtfsFeedStore.files(db, feed, version), n -> { })));
        current.set(snapshot(feeds, versions));
        LOG.log(System.Logger.Level.INFO, "timetable loaded feeds={0}", versions);
        return true;
    }

    /** Replaces (or adds) one feed; the other feeds stay. Called by the importer after its commit. */
    synchronized void install(FeedData feed, long version) {
        install(feed, version, Set.of());
    }

    /** Replaces (or adds) one feed and drops the {@code removed} ones; the others stay. */
    synchronized void install(FeedData feed, long version, Set<String> removed) {
        Snapshot old = current.get();
        Long installed = old.versions().get(feed.name());
        if (installed != null && installed >= version) {
            return; // a newer version of this feed is already answering (another import won the race)
        }
        Map<String, FeedData> byName = new LinkedHashMap<>();
        old.index().feeds.forEach(f -> byName.put(f.name(), f));
        byName.keySet().removeAll(removed);
        byName.put(feed.name(), feed);
        Map<String, Long> versions = new HashMap<>(old.versions());
        versions.keySet().removeAll(removed);
        versions.put(feed.name(), version);
        current.set(snapshot(List.copyOf(byName.values()), versions));
    }

    private static Snapshot snapshot(List<FeedData> feeds, Map<String, Long> versions) {
        return new Snapshot(new TimetableIndex(feeds), Map.copyOf(versions),
                Caffeine.newBuilder().maximumSize(10_000).build());
    }

    /** The feeds answered from, by name, with their version (import time in epoch millis). */
    public Map<String, Long> feeds() {
        return current.get().versions();
    }

    /** No feed imported for this region: nothing to answer from. */
    @Override
    public boolean hasTrips() {
        return !feeds().isEmpty();
    }

    @Override
    public Optional<Stop> stop(String stopId) {
        TimetableIndex index = current.get().index();
        return index.stopIndex(stopId).map(index::stop);
    }

    @Override
    public List<Stop> findStops(String query, int limit) {
        Objects.requireNonNull(query, "query");
        Snapshot s = current.get();
        return s.searches().get(limit + "\u0000" + query,
                k -> s.index().search.search(query, limit).stream().map(s.index()::stop).toList());
    }

    @Override
    public List<Departure> nextDepartures(String fromStopId, Optional<String> toStopId, LocalDateTime after, int limit) {
        Objects.requireNonNull(fromStopId, "fromStopId");
        Objects.requireNonNull(toStopId, "toStopId");
        Objects.requireNonNull(after, "after");
        TimetableIndex index = current.get().index(); // read once: one consistent set of feeds
        Optional<Integer> from = index.stopIndex(fromStopId);
        if (from.isEmpty()) {
            return List.of();
        }
        Optional<Integer> to = Optional.empty();
        if (toStopId.isPresent()) {
            to = index.stopIndex(toStopId.get());
            if (to.isEmpty()) {
                return List.of();
            }
        }
        return index.nextDepartures(from.get(), to, after, limit);
    }

    @Override
    public List<Departure> firstDepartures(String fromStopId, Optional<String> toStopId, LocalDate serviceDay, int limit) {
        return dayDepartures(fromStopId, toStopId, serviceDay, limit, false);
    }

    @Override
    public List<Departure> lastDepartures(String fromStopId, Optional<String> toStopId, LocalDate serviceDay, int limit) {
        return dayDepartures(fromStopId, toStopId, serviceDay, limit, true);
    }

    private List<Departure> dayDepartures(String fromStopId, Optional<String> toStopId, LocalDate day, int limit,
                                          boolean last) {
        Objects.requireNonNull(fromStopId, "fromStopId");
        Objects.requireNonNull(toStopId, "toStopId");
        Objects.requireNonNull(day, "serviceDay");
        TimetableIndex index = current.get().index();
        Optional<Integer> from = index.stopIndex(fromStopId);
        Optional<Optional<Integer>> to = toStopId.isEmpty() ? Optional.of(Optional.empty())
                : index.stopIndex(toStopId.get()).map(Optional::of);
        if (from.isEmpty() || to.isEmpty()) {
            return List.of();
        }
        return index.dayDepartures(from.get(), to.get(), day, limit, last);
    }

    @Override
    public boolean connects(String fromStopId, String toStopId) {
        TimetableIndex index = current.get().index();
        Optional<Integer> from = index.stopIndex(Objects.requireNonNull(fromStopId, "fromStopId"));
        Optional<Integer> to = index.stopIndex(Objects.requireNonNull(toStopId, "toStopId"));
        return from.isPresent() && to.isPresent() && index.connects(from.get(), to.get());
    }

    @Override
    public Set<TransitMode> modes(String stopId) {
        TimetableIndex index = current.get().index();
        return index.stopIndex(Objects.requireNonNull(stopId, "stopId")).map(index::modes).orElse(Set.of());
    }
}
