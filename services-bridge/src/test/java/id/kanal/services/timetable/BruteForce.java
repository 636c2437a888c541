package id.kanal.services.timetable;

import id.kanal.dialog.port.Departure;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiPredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Next departures computed the slow, obvious way, to check {@link TimetableIndex} against: every
 * run of every trip (frequency windows expanded) on the three service days around the asked time,
 * filtered and sorted, with no index. The service calendar is read again from the feed's own
 * {@code calendar.txt} and {@code calendar_dates.txt} text, so the check shares no calendar code
 * with the timetable.
 */
final class BruteForce {
    private final FeedData feed;
    private final TimetableIndex index;
    private final BiPredicate<String, LocalDate> runs;

    BruteForce(Map<String, String> files, FeedData feed) {
        this.feed = feed;
        this.index = new TimetableIndex(List.of(feed));
        this.runs = plainCalendar(files);
    }

    /** A stop of a random trip and, unless {@code originOnly}, a later stop of the same trip. */
    private record StopPair(int from, Optional<Integer> to) { }

    private Optional<StopPair> randomPair(Random random, boolean originOnly) {
        FeedData.TripData trip = feed.trips().get(random.nextInt(feed.trips().size()));
        if (trip.stops().length < 2) {
            return Optional.empty();
        }
        int a = random.nextInt(trip.stops().length - 1);
        Optional<Integer> to = originOnly ? Optional.empty()
                : Optional.of(trip.stops()[a + 1 + random.nextInt(trip.stops().length - a - 1)]);
        return Optional.of(new StopPair(trip.stops()[a], to));
    }

    private static String describe(Departure d) {
        return d.departs() + " " + d.line() + " " + d.headsign() + " " + d.arrives().map(Object::toString).orElse("-");
    }

    TimetableIndex index() {
        return index;
    }

    /** Asks both for {@code queries} random stop pairs of random trips at the given moments; returns how many had answers. */
    int compare(String name, int queries, long seed, List<LocalDateTime> moments) {
        return sample(queries, seed, moments, (from, to, after) -> {
            List<String> expected = departures(from, to, after, 5);
            List<String> actual = index.nextDepartures(from, to, after, 5).stream()
                    .map(BruteForce::describe)
                    .toList();
            assertEquals(expected, actual, name + " from " + feed.stops().get(from).id() + " to "
                    + to.map(t -> feed.stops().get(t).id()) + " after " + after);
            return actual.isEmpty() ? 0 : 1;
        });
    }

    /** Asks {@code check} about {@code queries} random stop pairs of random trips, each at one of {@code moments}; sums its answers. */
    private <T> int sample(int queries, long seed, List<T> moments, PairCheck<T> check) {
        Random random = new Random(seed);
        int answered = 0;
        for (int i = 0; i < queries; i++) {
            Optional<StopPair> pair = randomPair(random, i % 3 == 0);
            if (pair.isEmpty()) {
                continue;
            }
            answered += check.answered(pair.get().from(), pair.get().to(), moments.get(random.nextInt(moments.size())));
        }
        return answered;
    }

    /** One comparison of the index with brute force for a stop pair at a moment: how many of its asks had answers. */
    private interface PairCheck<T> {
        int answered(int from, Optional<Integer> to, T moment);
    }

    List<String> departures(int from, Optional<Integer> to, LocalDateTime after, int limit) {
        List<Hit> hits = new ArrayList<>();
        for (int offset = -1; offset <= 1; offset++) {
            serviceDay(from, to, after.toLocalDate().plusDays(offset)).stream()
                    .filter(h -> !h.departs().isBefore(after)).forEach(hits::add);
        }
        hits.sort(Comparator.comparing(Hit::departs).thenComparingInt(Hit::trip));
        return hits.stream().limit(limit).map(Hit::text).toList();
    }

    /** The first (or last) departures of one service day, in time order. */
    List<String> dayDepartures(int from, Optional<Integer> to, LocalDate day, int limit, boolean last) {
        List<Hit> hits = serviceDay(from, to, day);
        hits.sort(Comparator.comparing(Hit::departs).thenComparingInt(Hit::trip));
        List<Hit> chosen = last ? hits.subList(Math.max(0, hits.size() - limit), hits.size())
                : hits.subList(0, Math.min(limit, hits.size()));
        return chosen.stream().map(Hit::text).toList();
    }

    /** Whether some trip (whatever its days) boards at from's station and later sets down at to's. */
    boolean connects(int from, int to) {
        int[] fromStops = index.groupMembers(from);
        int[] toStops = index.groupMembers(to);
        for (FeedData.TripData trip : feed.trips()) {
            for (int p = 0; p < trip.stops().length; p++) {
                if (!contains(fromStops, trip.stops()[p]) || !trip.boards(p)) {
                    continue;
                }
                for (int k = p + 1; k < trip.stops().length; k++) {
                    if (contains(toStops, trip.stops()[k]) && trip.dropOff()[k]) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Asks both for the first and last departures of random stop pairs on the given days; returns how many had answers. */
    int compareDays(String name, int queries, long seed, List<LocalDate> days) {
        return sample(queries, seed, days, (from, to, day) -> {
            int answered = 0;
            for (boolean last : new boolean[] {false, true}) {
                List<String> expected = dayDepartures(from, to, day, 3, last);
                List<String> actual = index.dayDepartures(from, to, day, 3, last).stream()
                        .map(BruteForce::describe)
                        .toList();
                assertEquals(expected, actual, name + (last ? " last" : " first") + " from " + feed.stops().get(from).id()
                        + " to " + to.map(t -> feed.stops().get(t).id()) + " on " + day);
                answered += actual.isEmpty() ? 0 : 1;
            }
            return answered;
        });
    }

    private record Hit(LocalDateTime departs, int trip, String text) {
    }

    /** Every run of every trip of one service day boarding at from's station (and reaching to's), unsorted. */
    private List<Hit> serviceDay(int from, Optional<Integer> to, LocalDate serviceDay) {
        int[] fromStops = index.groupMembers(from);
        int[] toStops = to.map(index::groupMembers).orElse(new int[0]);
        List<Hit> hits = new ArrayList<>();
        LocalDateTime midnight = serviceDay.atStartOfDay();
        for (int t = 0; t < feed.trips().size(); t++) {
            FeedData.TripData trip = feed.trips().get(t);
            if (!runs.test(trip.service(), serviceDay)) {
                continue;
            }
            List<Integer> shifts = new ArrayList<>();
            if (trip.frequencies().isEmpty()) {
                shifts.add(0);
            } else {
                for (int[] w : trip.frequencies()) {
                    for (int start = w[0]; start < w[1]; start += w[2]) {
                        shifts.add(start - trip.departures()[0]);
                    }
                }
            }
            for (int p = 0; p < trip.stops().length; p++) {
                if (!contains(fromStops, trip.stops()[p]) || !trip.boards(p)) {
                    continue;
                }
                int q = -1;
                if (to.isPresent()) {
                    for (int k = p + 1; k < trip.stops().length && q < 0; k++) {
                        if (contains(toStops, trip.stops()[k]) && trip.dropOff()[k]) {
                            q = k;
                        }
                    }
                    if (q < 0) {
                        continue;
                    }
                }
                for (int shift : shifts) {
                    LocalDateTime departs = midnight.plusSeconds(trip.departures()[p] + shift);
                    String arrives = q < 0 || trip.arrivals()[q] < 0 ? "-" : midnight.plusSeconds(trip.arrivals()[q] + shift).toString();
                    hits.add(new Hit(departs, t, departs + " " + trip.line() + " " + trip.headsign() + " " + arrives));
                }
            }
        }
        return hits;
    }

    /** GTFS's rule, spelled out: a calendar_dates exception wins; else the weekday column within start..end. */
    static BiPredicate<String, LocalDate> plainCalendar(Map<String, String> files) {
        Map<String, Map<String, String>> calendar = new HashMap<>();
        for (Map<String, String> row : rows(files.get("calendar.txt"))) {
            calendar.put(row.get("service_id"), row);
        }
        Map<String, String> exceptions = new HashMap<>();
        for (Map<String, String> row : rows(files.get("calendar_dates.txt"))) {
            exceptions.put(row.get("service_id") + "|" + row.get("date"), row.get("exception_type"));
        }
        return (service, date) -> {
            String day = date.format(DateTimeFormatter.BASIC_ISO_DATE);
            String exception = exceptions.get(service + "|" + day);
            if (exception != null) {
                return exception.equals("1");
            }
            Map<String, String> row = calendar.get(service);
            return row != null && day.compareTo(row.get("start_date")) >= 0 && day.compareTo(row.get("end_date")) <= 0
                    && "1".equals(row.get(date.getDayOfWeek().name().toLowerCase(Locale.ROOT)));
        };
    }

    /** A small unquoted CSV (calendar files never need quotes), byte-order mark and CR tolerated. */
    private static List<Map<String, String>> rows(String text) {
        List<Map<String, String>> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String[] lines = text.replace("\uFEFF", "").replace("\r", "").split("\n");
        String[] header = lines[0].split(",", -1);
        for (int k = 1; k < lines.length; k++) {
            if (lines[k].isBlank()) {
                continue;
            }
            String[] f = lines[k].split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < header.length && c < f.length; c++) {
                row.put(header[c].trim(), f[c].trim());
            }
            out.add(row);
        }
        return out;
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }
}
