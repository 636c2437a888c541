package id.kanal.services.timetable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Parses and checks the GTFS files Kanal uses (agency, stops, routes, trips, stop_times,
 * calendar, calendar_dates, frequencies) into a {@link FeedData}, or throws a
 * {@link GtfsImportException} naming the file and row. Tolerates what the real feeds do:
 * stations without coordinates (KRL), times past 24:00, a byte-order mark, extra columns.
 * One method per file, in the order the references between them need; {@link GtfsRows} reads the
 * rows, {@link GtfsTrips} puts each trip together.
 */
final class GtfsParser {
    /** The files read and stored; others in a feed (shapes, fares, transfers) are ignored. */
    static final List<String> FILES = List.of("agency.txt", "stops.txt", "routes.txt", "trips.txt", "stop_times.txt",
            "calendar.txt", "calendar_dates.txt", "frequencies.txt");
    private static final String[] DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

    private final Map<String, String> files;
    private final IntConsumer progress;

    /** stops.txt: the stops in file order, and each stop_id's index among them. */
    private record Stops(List<FeedData.StopData> list, Map<String, Integer> index) {
    }

    /** routes.txt: a route's name as riders know it and its route_type (-1 when absent). */
    private record Route(String line, int type) {
    }

    /** stop_times.txt: the timed calls of each trip, and how many rows were timed. */
    private record StopTimes(Map<String, List<GtfsTrips.Call>> calls, int count) {
    }

    private GtfsParser(Map<String, String> files, IntConsumer progress) {
        this.files = files;
        this.progress = progress;
    }

    /** Reads the feed's files from a source (missing optional files are simply absent). */
    static Map<String, String> readFiles(GtfsSource source) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String name : FILES) {
            source.read(name).ifPresent(text -> texts.put(name, text));
        }
        return texts;
    }

    static FeedData parse(String feedName, Map<String, String> files, IntConsumer progress) {
        return new GtfsParser(files, progress).parse(feedName);
    }

    private FeedData parse(String feedName) {
        requireFiles();
        Stops stops = stops();
        Map<String, Route> routes = routes();
        Map<String, FeedData.ServiceData> services = services();
        Map<String, GtfsTrips.Head> heads = trips(routes, services);
        StopTimes stopTimes = stopTimes(heads, stops);
        Map<String, List<int[]>> frequencies = frequencies(heads);
        List<FeedData.TripData> trips = GtfsTrips.assemble(stops.list(), heads, stopTimes.calls(), frequencies);
        progress.accept(stopTimes.count());
        return new FeedData(feedName, List.copyOf(stops.list()), List.copyOf(trips), Map.copyOf(services));
    }

    private void requireFiles() {
        for (String required : List.of("stops.txt", "routes.txt", "trips.txt", "stop_times.txt")) {
            if (!files.containsKey(required)) {
                throw new GtfsImportException(required, 0, "missing from the feed");
            }
        }
        if (!files.containsKey("calendar.txt") && !files.containsKey("calendar_dates.txt")) {
            throw new GtfsImportException("calendar.txt", 0, "missing (and no calendar_dates.txt either)");
        }
    }

    private Stops stops() {
        List<FeedData.StopData> stops = new ArrayList<>();
        Map<String, Integer> stopIndex = new HashMap<>();
        Map<Integer, String> parents = new HashMap<>();
        GtfsRows.each(files, "stops.txt", List.of("stop_id", "stop_name"), (t, line) -> {
            String id = t.req("stop_id");
            if (stopIndex.putIfAbsent(id, stops.size()) != null) {
                throw new GtfsImportException("stops.txt", line, "duplicate stop_id " + id);
            }
            t.opt("parent_station").ifPresent(p -> parents.put(stops.size(), p));
            stops.add(new FeedData.StopData(id, t.opt("stop_code"), t.req("stop_name"), -1));
        });
        parents.forEach((i, p) -> {
            Integer parent = stopIndex.get(p);
            if (parent != null) {
                FeedData.StopData s = stops.get(i);
                stops.set(i, new FeedData.StopData(s.id(), s.code(), s.name(), parent));
            }
        });
        return new Stops(stops, stopIndex);
    }

    private Map<String, Route> routes() {
        Map<String, Route> routes = new HashMap<>();
        GtfsRows.each(files, "routes.txt", List.of("route_id"), (t, line) -> {
            String name = t.opt("route_short_name").or(() -> t.opt("route_long_name"))
                    .orElseThrow(() -> new GtfsImportException("routes.txt", line, "route without a name"));
            // route_type is required by GTFS, but a feed without it still answers (as "other").
            routes.put(t.req("route_id"), new Route(name, t.opt("route_type").isPresent() ? t.integer("route_type") : -1));
        });
        return routes;
    }

    /** calendar.txt and then calendar_dates.txt, which may add services calendar.txt lacks. */
    private Map<String, FeedData.ServiceData> services() {
        Map<String, FeedData.ServiceData> services = calendar();
        calendarDates(services);
        Map<String, FeedData.ServiceData> frozen = new HashMap<>();
        services.forEach((k, s) -> frozen.put(k, new FeedData.ServiceData(s.days(), s.start(), s.end(),
                Set.copyOf(s.added()), Set.copyOf(s.removed()))));
        return frozen;
    }

    private Map<String, FeedData.ServiceData> calendar() {
        Map<String, FeedData.ServiceData> services = new HashMap<>();
        GtfsRows.each(files, "calendar.txt", List.of("service_id", "start_date", "end_date"), (t, line) -> {
            int mask = 0;
            for (int d = 0; d < 7; d++) {
                if ("1".equals(t.opt(DAYS[d]).orElse("0"))) {
                    mask |= 1 << d;
                }
            }
            services.put(t.req("service_id"), new FeedData.ServiceData(mask, t.date("start_date"), t.date("end_date"),
                    new HashSet<>(), new HashSet<>()));
        });
        return services;
    }

    private void calendarDates(Map<String, FeedData.ServiceData> services) {
        GtfsRows.each(files, "calendar_dates.txt", List.of("service_id", "date", "exception_type"), (t, line) -> {
            var s = services.computeIfAbsent(t.req("service_id"),
                    k -> new FeedData.ServiceData(0, null, null, new HashSet<>(), new HashSet<>()));
            var date = t.date("date");
            switch (t.req("exception_type")) {
                case "1" -> s.added().add(date);
                case "2" -> s.removed().add(date);
                default -> throw new GtfsImportException("calendar_dates.txt", line, "exception_type must be 1 or 2");
            }
        });
    }

    private Map<String, GtfsTrips.Head> trips(Map<String, Route> routes, Map<String, FeedData.ServiceData> services) {
        Map<String, GtfsTrips.Head> heads = new LinkedHashMap<>();
        GtfsRows.each(files, "trips.txt", List.of("trip_id", "route_id", "service_id"), (t, line) -> {
            String routeId = t.req("route_id");
            Route route = routes.get(routeId);
            if (route == null) {
                throw new GtfsImportException("trips.txt", line, "unknown route_id " + routeId);
            }
            String service = t.req("service_id");
            if (!services.containsKey(service)) {
                throw new GtfsImportException("trips.txt", line, "unknown service_id " + service);
            }
            heads.put(t.req("trip_id"), new GtfsTrips.Head(route.line(), route.type(), t.opt("trip_headsign").orElse(""), service));
        });
        return heads;
    }

    private StopTimes stopTimes(Map<String, GtfsTrips.Head> heads, Stops stops) {
        Map<String, List<GtfsTrips.Call>> calls = new HashMap<>();
        int[] count = {0};
        GtfsRows.each(files, "stop_times.txt", List.of("trip_id", "stop_id", "stop_sequence"), (t, line) -> {
            String trip = t.req("trip_id");
            if (!heads.containsKey(trip)) {
                throw new GtfsImportException("stop_times.txt", line, "unknown trip_id " + trip);
            }
            Integer stop = stops.index().get(t.req("stop_id"));
            if (stop == null) {
                throw new GtfsImportException("stop_times.txt", line, "unknown stop_id " + t.req("stop_id"));
            }
            Optional<String> dep = t.opt("departure_time").or(() -> t.opt("arrival_time"));
            Optional<String> arr = t.opt("arrival_time").or(() -> t.opt("departure_time"));
            if (dep.isEmpty()) {
                // GTFS allows untimed intermediate calls; Kanal only answers with timed ones.
                return;
            }
            calls.computeIfAbsent(trip, k -> new ArrayList<>()).add(new GtfsTrips.Call(t.integer("stop_sequence"), stop,
                    t.time(arr.get()), t.time(dep.get()),
                    !"1".equals(t.opt("pickup_type").orElse("0")), !"1".equals(t.opt("drop_off_type").orElse("0")),
                    t.opt("stop_headsign").orElse("")));
            if (++count[0] % 10_000 == 0) {
                progress.accept(count[0]);
            }
        });
        return new StopTimes(calls, count[0]);
    }

    /** frequencies.txt: per trip, {start, end, headway} in seconds. */
    private Map<String, List<int[]>> frequencies(Map<String, GtfsTrips.Head> heads) {
        Map<String, List<int[]>> frequencies = new HashMap<>();
        GtfsRows.each(files, "frequencies.txt", List.of("trip_id", "start_time", "end_time", "headway_secs"), (t, line) -> {
            String trip = t.req("trip_id");
            if (!heads.containsKey(trip)) {
                throw new GtfsImportException("frequencies.txt", line, "unknown trip_id " + trip);
            }
            int headway = t.integer("headway_secs");
            if (headway <= 0) {
                throw new GtfsImportException("frequencies.txt", line, "headway_secs must be positive");
            }
            frequencies.computeIfAbsent(trip, k -> new ArrayList<>()).add(new int[]{
                    t.time(t.req("start_time")), t.time(t.req("end_time")), headway});
        });
        return frequencies;
    }
}
