package id.kanal.services.timetable;

import id.kanal.store.Database;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * Imports a GTFS static feed: reads and checks every file first (a bad feed changes nothing),
 * stores it as a new version of the named feed in one transaction that also drops the older
 * versions, then swaps the timetable's index. Feeds with other names (KRL beside Trans
 * Tangerang) stay.
 */
public final class GtfsImporter {
    /** The built-in demo timetable's feed name (see DemoData): the first real import removes it. */
    public static final String DEMO_FEED = "demo";
    private static final System.Logger LOG = System.getLogger(GtfsImporter.class.getName());

    private final Database db;
    private final GtfsTimetable timetable;
    private final Clock clock;

    public GtfsImporter(Database db, GtfsTimetable timetable, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.timetable = Objects.requireNonNull(timetable, "timetable");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Imports a directory or zip under a feed name taken from its file name ("krl-commuterline.zip" is "krl-commuterline"). */
    public GtfsImportResult importPath(Path dirOrZip, IntConsumer progress) {
        return importFeed(feedName(dirOrZip), GtfsSource.of(dirOrZip), dirOrZip.toString(), progress);
    }

    static String feedName(Path dirOrZip) {
        String name = dirOrZip.toAbsolutePath().normalize().getFileName().toString().replaceFirst("(?i)\\.zip$", "");
        String clean = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return clean.isEmpty() ? "gtfs" : clean;
    }

    /**
     * Imports a feed; a real feed (any name but {@link #DEMO_FEED}) removes the built-in demo
     * timetable in the same transaction, so demo stops never sit beside real ones.
     *
     * @param feed     the feed's name; a later import with the same name replaces it
     * @param progress called with the number of stop times read so far
     * @throws GtfsImportException when the feed is broken; the timetable keeps its previous feeds
     */
    public synchronized GtfsImportResult importFeed(String feed, GtfsSource source, String sourceName, IntConsumer progress) {
        return importFeed(feed, source, sourceName, progress, !feed.equals(DEMO_FEED));
    }

    private GtfsImportResult importFeed(String feed, GtfsSource source, String sourceName, IntConsumer progress,
                                        boolean replacesDemo) {
        if (feed.isBlank() || feed.contains(":")) {
            throw new IllegalArgumentException("feed name must be non-empty and without ':': " + feed);
        }
        long start = System.nanoTime();
        Map<String, String> files = GtfsParser.readFiles(source);
        FeedData data = GtfsParser.parse(feed, files, safe(progress));
        long version = db.inTransaction(c -> {
            GtfsFeedStore.checkOwner(c, feed, timetable.region());
            if (replacesDemo && timetable.feeds().containsKey(DEMO_FEED)) {
                GtfsFeedStore.delete(c, DEMO_FEED); // this region's demo (another region's timetable never holds it)
            }
            return GtfsFeedStore.save(c, feed, timetable.region(), sourceName, clock.millis(), files);
        });
        timetable.install(data, version, replacesDemo ? Set.of(DEMO_FEED) : Set.of());
        // The timed stop_times rows read; a terminal implied by a headsign (arrival -1) is no row.
        int stopTimes = data.trips().stream().mapToInt(t -> t.arrivals()[t.arrivals().length - 1] < 0
                ? t.stops().length - 1 : t.stops().length).sum();
        var result = new GtfsImportResult(feed, version, data.stops().size(), data.trips().size(), stopTimes,
                Duration.ofNanos(System.nanoTime() - start));
        LOG.log(System.Logger.Level.INFO, () -> "gtfs imported feed=" + feed + " version=" + version + " stops="
                + result.stops() + " trips=" + result.trips() + " stop_times=" + stopTimes + " ms=" + result.took().toMillis());
        return result;
    }

    /** A progress printer that throws must not break the import. */
    private static IntConsumer safe(IntConsumer progress) {
        return n -> {
            try {
                progress.accept(n);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "progress listener failed", e);
            }
        };
    }
}
