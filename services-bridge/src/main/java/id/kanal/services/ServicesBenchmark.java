package id.kanal.services;

import id.kanal.dialog.port.Commodity;
import id.kanal.dialog.port.ScheduleService;
import id.kanal.services.prices.CommodityCatalog;
import id.kanal.services.prices.ImportResult;
import id.kanal.services.prices.PriceImporter;
import id.kanal.services.prices.SqlPriceBoard;
import id.kanal.services.timetable.GtfsImportResult;
import id.kanal.services.timetable.GtfsImporter;
import id.kanal.services.timetable.GtfsTimetable;
import id.kanal.store.Database;

import java.time.ZoneId;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * Imports the shared real feeds (KRL GTFS, TransJakarta GTFS, Badan Pangan Nasional CSV) into
 * a temporary SQLite database and measures import times and query latencies. Wired by app as
 * {@code bench-services [SHARED_DATA_DIR]}; without an argument it looks for
 * {@code shared/data/SOURCES.md} in the working directory and its parents.
 */
public final class ServicesBenchmark {
    private static final int WARMUP = 20_000;
    private static final int MEASURED = 20_000;

    private ServicesBenchmark() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** @return 0 when done, 2 when the shared data folder is missing */
    public static int run(String[] args, PrintStream out) {
        return run(args, out, timetable -> { });
    }

    /**
     * @param withFeeds runs after the figures with the timetable of the imported shared feeds,
     *                  for measurements of other modules (app times the intent classifier, whose
     *                  stop names then come from 8,700 real stops)
     */
    public static int run(String[] args, PrintStream out, java.util.function.Consumer<ScheduleService> withFeeds) {
        Optional<Path> data = args.length > 0 ? Optional.of(Path.of(args[0])) : findSharedData(Path.of("").toAbsolutePath());
        if (data.isEmpty() || !Files.isDirectory(data.get().resolve("gtfs"))) {
            out.println("bench-services: no shared data folder (give its path, or run below a folder holding shared/data/SOURCES.md)");
            return 2;
        }
        Path dir = data.get();
        Path tmp;
        try {
            tmp = Files.createTempDirectory("kanal-bench");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Clock clock = Clock.systemUTC();
        try (Database db = Database.openSqlite(tmp)) {
            GtfsTimetable timetable = GtfsTimetable.empty();
            GtfsImporter gtfs = new GtfsImporter(db, timetable, clock);
            IntConsumer quiet = n -> { };
            for (String feed : List.of("krl-commuterline", "transjakarta")) {
                GtfsImportResult r = gtfs.importPath(dir.resolve("gtfs").resolve(feed), quiet);
                out.printf("import %-18s %6d ms  (%d stops, %d trips, %d stop times)%n", feed, r.took().toMillis(),
                        r.stops(), r.trips(), r.stopTimes());
            }
            SqlPriceBoard board = new SqlPriceBoard(db, CommodityCatalog.builtIn(), clock, 3, ZoneId.of("Asia/Jakarta"));
            ImportResult p = PriceImporter.forBoard(db, board, clock)
                    .importFile(dir.resolve("prices").resolve("bapanas-kota-bandung.csv"), quiet);
            out.printf("import %-18s %6d ms  (%d rows, %d prices, %d without a price)%n", "bapanas-csv", p.took().toMillis(),
                    p.rows(), p.changed(), p.skipped());
            DemoData.seedIfEmpty(db, board, timetable, clock); // nothing: both are filled; keeps the wiring honest
            departures(timetable, dir.resolve("gtfs/transjakarta"), out);
            prices(board, db, clock, out);
            withFeeds.accept(timetable);
        } finally {
            deleteQuietly(tmp);
        }
        return 0;
    }

    private static void departures(GtfsTimetable timetable, Path feed, PrintStream out) {
        // Pairs of stops on one trip, so that "to" queries find something, as a resident's would.
        Map<String, List<String>> tripStops = new HashMap<>();
        try (CsvReader csv = CsvReader.open(Files.newBufferedReader(feed.resolve("stop_times.txt")))) {
            int trip = csv.column("trip_id").orElseThrow();
            int stop = csv.column("stop_id").orElseThrow();
            for (List<String> r = csv.next(); r != null; r = csv.next()) {
                tripStops.computeIfAbsent(r.get(trip), k -> new ArrayList<>()).add("transjakarta:" + r.get(stop));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<List<String>> trips = tripStops.values().stream().filter(s -> s.size() > 1).toList();
        Random random = new Random(42);
        LocalDate monday = LocalDate.of(2025, 11, 17);
        long[] nanos = new long[MEASURED];
        int found = 0;
        for (int i = 0; i < WARMUP + MEASURED; i++) {
            List<String> stops = trips.get(random.nextInt(trips.size()));
            int a = random.nextInt(stops.size() - 1);
            String from = stops.get(a);
            Optional<String> to = random.nextBoolean() ? Optional.of(stops.get(a + 1 + random.nextInt(stops.size() - a - 1))) : Optional.empty();
            LocalDateTime after = monday.plusDays(random.nextInt(7)).atStartOfDay().plusMinutes(random.nextInt(24 * 60));
            long t0 = System.nanoTime();
            int n = timetable.nextDepartures(from, to, after, 5).size();
            long t1 = System.nanoTime();
            if (i >= WARMUP) {
                nanos[i - WARMUP] = t1 - t0;
                found += n > 0 ? 1 : 0;
            }
        }
        out.printf("next departures (TransJakarta, limit 5, half with a destination): %s; %d%% answered%n",
                percentiles(nanos), found * 100 / MEASURED);
        long[] search = new long[2_000];
        String[] queries = {"poris", "blok m", "harmoni", "kalideres", "st tebet", "halte senen", "bundaran hi", "kota", "grogol", "tanah abang"};
        for (int i = 0; i < search.length; i++) {
            String q = queries[i % queries.length] + (i / queries.length); // distinct: measures the search, not the cache
            long t0 = System.nanoTime();
            timetable.findStops(q, 5);
            search[i] = System.nanoTime() - t0;
        }
        out.printf("fuzzy stop search (8,700 stops, uncached): %s%n", percentiles(search));
    }

    private static void prices(SqlPriceBoard board, Database db, Clock clock, PrintStream out) {
        // Demo prices beside BAPANAS's region-wide ones, so market queries have markets.
        PriceImporter.forBoard(db, board, clock).importCsv(new java.io.StringReader(DemoData.pricesCsv(LocalDate.now(clock))), "demo", n -> { });
        List<String> names = board.commodities().stream().map(Commodity::name).toList();
        List<String> markets = board.markets();
        Random random = new Random(7);
        long[] nanos = new long[MEASURED * 5];
        for (int i = 0; i < WARMUP + nanos.length; i++) {
            String c = names.get(random.nextInt(names.size()));
            long t0 = System.nanoTime();
            switch (i % 3) {
                case 0 -> board.latest(c, Optional.empty());
                case 1 -> board.latest(c, Optional.of(markets.get(random.nextInt(markets.size()))));
                default -> board.latestByMarket(c);
            }
            long t1 = System.nanoTime();
            if (i >= WARMUP) {
                nanos[i - WARMUP] = t1 - t0;
            }
        }
        out.printf("price queries (latest, latest at a market, by market; %d commodities): %s%n", names.size(), percentiles(nanos));
    }

    static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("p50 %.3f ms, p99 %.3f ms, max %.3f ms", sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    /** The first {@code shared/data} holding SOURCES.md in {@code start} or its parents. */
    public static Optional<Path> findSharedData(Path start) {
        for (Path p = start; p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("data");
            if (Files.exists(candidate.resolve("SOURCES.md"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
