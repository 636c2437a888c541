package id.kanal.services.timetable;

import id.kanal.services.CsvReader;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * Parses and checks the GTFS files Kanal uses (agency, stops, routes, trips, stop_times,
 * calendar, calendar_dates, frequencies) into a {@link FeedData}, or throws a
 * {@link GtfsImportException} naming the file and row. Tolerates what the real feeds do:
 * stations without coordinates (KRL), times past 24:00, a byte-order mark, extra columns.
 */
final class GtfsParser {
    /** The files read and stored; others in a feed (shapes, fares, transfers) are ignored. */
    static final List<String> FILES = List.of("agency.txt", "stops.txt", "routes.txt", "trips.txt", "stop_times.txt",
            "calendar.txt", "calendar_dates.txt", "frequencies.txt");
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final Map<String, String> files;
    private final IntConsumer progress;

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
        for (String required : List.of("stops.txt", "routes.txt", "trips.txt", "stop_times.txt")) {
            if (!files.containsKey(required)) {
                throw new GtfsImportException(required, 0, "missing from the feed");
            }
        }
        if (!files.containsKey("calendar.txt") && !files.containsKey("calendar_dates.txt")) {
            throw new GtfsImportException("calendar.txt", 0, "missing (and no calendar_dates.txt either)");
        }
        List<FeedData.StopData> stops = new ArrayList<>();
        Map<String, Integer> stopIndex = new HashMap<>();
        Map<Integer, String> parents = new HashMap<>();
        each("stops.txt", List.of("stop_id", "stop_name"), (t, line) -> {
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
        Map<String, String> lines = new HashMap<>();
        Map<String, Integer> routeTypes = new HashMap<>();
        each("routes.txt", List.of("route_id"), (t, line) -> {
            String name = t.opt("route_short_name").or(() -> t.opt("route_long_name"))
                    .orElseThrow(() -> new GtfsImportException("routes.txt", line, "route without a name"));
            lines.put(t.req("route_id"), name);
            // route_type is required by GTFS, but a feed without it still answers (as "other").
            routeTypes.put(t.req("route_id"), t.opt("route_type").isPresent() ? t.integer("route_type") : -1);
        });
        Map<String, FeedData.ServiceData> services = services();
        record TripHead(String line, int routeType, String headsign, String service) {
        }
        Map<String, TripHead> heads = new LinkedHashMap<>();
        each("trips.txt", List.of("trip_id", "route_id", "service_id"), (t, line) -> {
            String route = t.req("route_id");
            if (!lines.containsKey(route)) {
                throw new GtfsImportException("trips.txt", line, "unknown route_id " + route);
            }
            String service = t.req("service_id");
            if (!services.containsKey(service)) {
                throw new GtfsImportException("trips.txt", line, "unknown service_id " + service);
            }
            heads.put(t.req("trip_id"), new TripHead(lines.get(route), routeTypes.get(route), t.opt("trip_headsign").orElse(""), service));
        });
        record Call(int seq, int stop, int arr, int dep, boolean pickup, boolean dropOff, String headsign) {
        }
        Map<String, List<Call>> calls = new HashMap<>();
        int[] count = {0};
        each("stop_times.txt", List.of("trip_id", "stop_id", "stop_sequence"), (t, line) -> {
            String trip = t.req("trip_id");
            if (!heads.containsKey(trip)) {
                throw new GtfsImportException("stop_times.txt", line, "unknown trip_id " + trip);
            }
            Integer stop = stopIndex.get(t.req("stop_id"));
            if (stop == null) {
                throw new GtfsImportException("stop_times.txt", line, "unknown stop_id " + t.req("stop_id"));
            }
            Optional<String> dep = t.opt("departure_time").or(() -> t.opt("arrival_time"));
            Optional<String> arr = t.opt("arrival_time").or(() -> t.opt("departure_time"));
            if (dep.isEmpty()) {
                // GTFS allows untimed intermediate calls; Kanal only answers with timed ones.
                return;
            }
            calls.computeIfAbsent(trip, k -> new ArrayList<>()).add(new Call(t.integer("stop_sequence"), stop,
                    time("stop_times.txt", line, arr.get()), time("stop_times.txt", line, dep.get()),
                    !"1".equals(t.opt("pickup_type").orElse("0")), !"1".equals(t.opt("drop_off_type").orElse("0")),
                    t.opt("stop_headsign").orElse("")));
            if (++count[0] % 10_000 == 0) {
                progress.accept(count[0]);
            }
        });
        Map<String, List<int[]>> frequencies = new HashMap<>();
        each("frequencies.txt", List.of("trip_id", "start_time", "end_time", "headway_secs"), (t, line) -> {
            String trip = t.req("trip_id");
            if (!heads.containsKey(trip)) {
                throw new GtfsImportException("frequencies.txt", line, "unknown trip_id " + trip);
            }
            int headway = t.integer("headway_secs");
            if (headway <= 0) {
                throw new GtfsImportException("frequencies.txt", line, "headway_secs must be positive");
            }
            frequencies.computeIfAbsent(trip, k -> new ArrayList<>()).add(new int[]{
                    time("frequencies.txt", line, t.req("start_time")), time("frequencies.txt", line, t.req("end_time")), headway});
        });
        Map<String, Integer> byCompactName = new HashMap<>();
        for (int i = 0; i < stops.size(); i++) {
            byCompactName.putIfAbsent(compact(stops.get(i).name()), i); // same name in one feed: one station
        }
        List<FeedData.TripData> trips = new ArrayList<>();
        heads.forEach((id, head) -> {
            List<Call> cs = calls.get(id);
            if (cs == null || cs.isEmpty()) {
                return; // a trip without timed calls has nothing to answer with
            }
            cs.sort((a, b) -> Integer.compare(a.seq(), b.seq()));
            int n = cs.size();
            int[] st = new int[n];
            int[] arr = new int[n];
            int[] dep = new int[n];
            boolean[] pick = new boolean[n];
            boolean[] drop = new boolean[n];
            for (int i = 0; i < n; i++) {
                Call c = cs.get(i);
                st[i] = c.stop();
                arr[i] = c.arr();
                dep[i] = c.dep();
                pick[i] = c.pickup();
                drop[i] = c.dropOff();
            }
            String lastName = stops.get(st[n - 1]).name();
            String headsign = !head.headsign().isBlank() ? head.headsign()
                    : !cs.getFirst().headsign().isBlank() ? cs.getFirst().headsign() : lastName;
            // The KRL feed lists departures only, so a run's last listed call is often not its
            // terminal (train 1903 to Duri ends at Grogol): boarding there is real. Treat the
            // last call as the terminal only when it is where the headsign says the trip goes.
            boolean terminal = sameName(headsign, lastName);
            Integer implied = terminal ? null : byCompactName.get(compact(headsign));
            if (implied != null && !contains(st, implied)) {
                // The headsign names a stop of the feed the trip never lists: it still ends there,
                // at a time the feed does not give. Set down only, arrival unknown (-1), so
                // "Tangerang to Duri" is a direct line on KRL although Duri is never listed.
                st = java.util.Arrays.copyOf(st, n + 1);
                arr = java.util.Arrays.copyOf(arr, n + 1);
                dep = java.util.Arrays.copyOf(dep, n + 1);
                pick = java.util.Arrays.copyOf(pick, n + 1);
                drop = java.util.Arrays.copyOf(drop, n + 1);
                st[n] = implied;
                arr[n] = -1;
                dep[n] = -1;
                drop[n] = true;
                terminal = true;
            }
            trips.add(new FeedData.TripData(id, head.line(), head.routeType(), headsign, head.service(), st, arr, dep, pick, drop,
                    List.copyOf(frequencies.getOrDefault(id, List.of())), terminal));
        });
        progress.accept(count[0]);
        return new FeedData(feedName, List.copyOf(stops), List.copyOf(trips), Map.copyOf(services));
    }

    /** A name as a headsign may spell it: "Jakartakota" for the station "Jakarta Kota", "St. Duri" for "Duri". */
    private static String compact(String name) {
        return StopNames.key(name).replace(" ", "");
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameName(String headsign, String stopName) {
        String h = StopNames.normalize(headsign);
        String s = StopNames.normalize(stopName);
        return !s.isEmpty() && (h.contains(s) || s.contains(h));
    }

    private Map<String, FeedData.ServiceData> services() {
        Map<String, FeedData.ServiceData> services = new HashMap<>();
        String[] days = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
        each("calendar.txt", List.of("service_id", "start_date", "end_date"), (t, line) -> {
            int mask = 0;
            for (int d = 0; d < 7; d++) {
                if ("1".equals(t.opt(days[d]).orElse("0"))) {
                    mask |= 1 << d;
                }
            }
            services.put(t.req("service_id"), new FeedData.ServiceData(mask, date("calendar.txt", line, t.req("start_date")),
                    date("calendar.txt", line, t.req("end_date")), new HashSet<>(), new HashSet<>()));
        });
        each("calendar_dates.txt", List.of("service_id", "date", "exception_type"), (t, line) -> {
            var s = services.computeIfAbsent(t.req("service_id"),
                    k -> new FeedData.ServiceData(0, null, null, new HashSet<>(), new HashSet<>()));
            LocalDate date = date("calendar_dates.txt", line, t.req("date"));
            switch (t.req("exception_type")) {
                case "1" -> s.added().add(date);
                case "2" -> s.removed().add(date);
                default -> throw new GtfsImportException("calendar_dates.txt", line, "exception_type must be 1 or 2");
            }
        });
        Map<String, FeedData.ServiceData> frozen = new HashMap<>();
        services.forEach((k, s) -> frozen.put(k, new FeedData.ServiceData(s.days(), s.start(), s.end(),
                java.util.Set.copyOf(s.added()), java.util.Set.copyOf(s.removed()))));
        return frozen;
    }

    private static LocalDate date(String file, int line, String text) {
        try {
            return LocalDate.parse(text.trim(), DATE);
        } catch (DateTimeParseException e) {
            throw new GtfsImportException(file, line, "bad date '" + text + "' (expected YYYYMMDD)");
        }
    }

    /** "H:MM:SS" or "HH:MM:SS", hours past 24 allowed, to seconds after the service day's midnight. */
    static int time(String file, int line, String text) {
        String s = text.trim();
        int first = s.indexOf(':');
        int second = s.indexOf(':', first + 1);
        try {
            if (first < 1 || second != first + 3 || s.length() != second + 3) {
                throw new NumberFormatException();
            }
            int h = Integer.parseInt(s, 0, first, 10);
            int m = Integer.parseInt(s, first + 1, second, 10);
            int sec = Integer.parseInt(s, second + 1, s.length(), 10);
            if (h < 0 || h > 47 || m > 59 || sec > 59 || m < 0 || sec < 0) {
                throw new NumberFormatException();
            }
            return h * 3600 + m * 60 + sec;
        } catch (NumberFormatException e) {
            throw new GtfsImportException(file, line, "bad time '" + text + "' (expected HH:MM:SS)");
        }
    }

    private interface RowHandler {
        void handle(Row row, int line);
    }

    /** One row with access by column name. */
    private record Row(String file, int line, List<String> fields, Map<String, Integer> columns) {
        Optional<String> opt(String column) {
            Integer i = columns.get(column);
            if (i == null || i >= fields.size()) {
                return Optional.empty();
            }
            String v = fields.get(i).trim();
            return v.isEmpty() ? Optional.empty() : Optional.of(v);
        }

        String req(String column) {
            return opt(column).orElseThrow(() -> new GtfsImportException(file, line, "empty " + column));
        }

        int integer(String column) {
            String v = req(column);
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new GtfsImportException(file, line, "bad number '" + v + "' in " + column);
            }
        }
    }

    private void each(String file, List<String> required, RowHandler handler) {
        String text = files.get(file);
        if (text == null) {
            return;
        }
        try (CsvReader csv = CsvReader.open(new StringReader(text))) {
            Map<String, Integer> columns = new HashMap<>();
            for (String column : csv.header()) {
                csv.column(column).ifPresent(i -> columns.put(column.toLowerCase(Locale.ROOT), i));
            }
            for (String column : required) {
                if (!columns.containsKey(column)) {
                    throw new GtfsImportException(file, 1, "missing column " + column);
                }
            }
            for (List<String> fields = csv.next(); fields != null; fields = csv.next()) {
                handler.handle(new Row(file, csv.rowLine(), fields, columns), csv.rowLine());
            }
        } catch (IllegalArgumentException e) {
            throw new GtfsImportException(file, 0, e.getMessage());
        }
    }
}
