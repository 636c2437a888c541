package id.kanal.services.timetable;

import id.kanal.dialog.port.Departure;
import id.kanal.services.SharedData;
import id.kanal.store.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared real feeds (KRL: no coordinates, times past 24:00; TransJakarta: frequencies), checked by brute force. */
class SharedFeedsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-20T01:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path dir;
    private static Database db;
    private static GtfsTimetable timetable;
    private static Path krl;
    private static Path tj;

    @BeforeAll
    static void importFeeds() {
        krl = SharedData.require("gtfs/krl-commuterline");
        tj = SharedData.require("gtfs/transjakarta");
        db = Database.openSqlite(dir);
        timetable = GtfsTimetable.empty();
        GtfsImporter importer = new GtfsImporter(db, timetable, CLOCK);
        assertEquals(18_316, importer.importPath(krl, n -> { }).stopTimes());
        assertEquals(8_587, importer.importPath(tj, n -> { }).stops());
    }

    @AfterAll
    static void close() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void krl_train1903_leavesTangerangAt0425AndReachesGrogol() {
        List<Departure> d = timetable.nextDepartures("krl-commuterline:TNG", Optional.of("krl-commuterline:GGL"),
                LocalDateTime.of(2025, 11, 20, 4, 0), 1);
        assertEquals(LocalDateTime.of(2025, 11, 20, 4, 25), d.getFirst().departs());
        assertEquals(LocalDateTime.of(2025, 11, 20, 4, 49), d.getFirst().arrives().orElseThrow());
        assertEquals("Duri", d.getFirst().headsign());
        assertEquals("Commuter Line Tangerang", d.getFirst().line());
        // Grogol is not train 1903's terminal (the feed lists departures only): boarding there counts.
        assertFalse(timetable.nextDepartures("krl-commuterline:GGL", Optional.empty(), LocalDateTime.of(2025, 11, 20, 4, 48), 1).isEmpty());
    }

    @Test
    void krl_timesPast24_answerAfterMidnightFromThePreviousServiceDay() {
        // stop_times has 1458 at CLT at 24:04: asked at 00:01, it departs at 00:04 the next calendar day.
        List<Departure> d = timetable.nextDepartures("krl-commuterline:CLT", Optional.empty(), LocalDateTime.of(2025, 11, 21, 0, 1), 1);
        assertEquals(LocalDateTime.of(2025, 11, 21, 0, 4), d.getFirst().departs());
    }

    @Test
    void nextDepartures_matchBruteForceScan_forManyStopPairsAndTimes() {
        for (Path feedDir : List.of(krl, tj)) {
            String name = GtfsImporter.feedName(feedDir);
            FeedData feed = GtfsParser.parse(name, GtfsParser.readFiles(GtfsSource.of(feedDir)), n -> { });
            TimetableIndex index = new TimetableIndex(List.of(feed));
            Random random = new Random(11);
            int answered = 0;
            for (int i = 0; i < 400; i++) {
                FeedData.TripData trip = feed.trips().get(random.nextInt(feed.trips().size()));
                if (trip.stops().length < 2) {
                    continue;
                }
                int a = random.nextInt(trip.stops().length - 1);
                int from = trip.stops()[a];
                Optional<Integer> to = i % 3 == 0 ? Optional.empty()
                        : Optional.of(trip.stops()[a + 1 + random.nextInt(trip.stops().length - a - 1)]);
                // Around midnight half the time; 2025-12-25 too (TransJakarta's weekday-only services).
                LocalDate day = LocalDate.of(2025, 12, 20 + random.nextInt(8));
                int minute = i % 2 == 0 ? 23 * 60 + random.nextInt(120) : random.nextInt(24 * 60);
                LocalDateTime after = day.atStartOfDay().plusMinutes(minute);
                List<String> expected = bruteForce(feed, index, from, to, after, 5);
                List<String> actual = index.nextDepartures(from, to, after, 5).stream()
                        .map(d -> d.departs() + " " + d.line() + " " + d.headsign() + " " + d.arrives().map(Object::toString).orElse("-"))
                        .toList();
                assertEquals(expected, actual, name + " from " + feed.stops().get(from).id() + " to " + to + " after " + after);
                answered += actual.isEmpty() ? 0 : 1;
            }
            assertTrue(answered > 200, name + ": too few answered queries to mean anything: " + answered);
        }
    }

    /** Every run of every trip on the three service days around {@code after}, filtered and sorted: no index. */
    private static List<String> bruteForce(FeedData feed, TimetableIndex index, int from, Optional<Integer> to,
                                           LocalDateTime after, int limit) {
        int[] fromStops = index.groupMembers(from);
        int[] toStops = to.map(index::groupMembers).orElse(new int[0]);
        record Hit(LocalDateTime departs, int trip, String text) {
        }
        List<Hit> hits = new ArrayList<>();
        for (int offset = -1; offset <= 1; offset++) {
            LocalDate serviceDay = after.toLocalDate().plusDays(offset);
            LocalDateTime midnight = serviceDay.atStartOfDay();
            for (int t = 0; t < feed.trips().size(); t++) {
                FeedData.TripData trip = feed.trips().get(t);
                if (!feed.services().get(trip.service()).runsOn(serviceDay)) {
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
                        if (departs.isBefore(after)) {
                            continue;
                        }
                        String arrives = q < 0 ? "-" : midnight.plusSeconds(trip.arrivals()[q] + shift).toString();
                        hits.add(new Hit(departs, t, departs + " " + trip.line() + " " + trip.headsign() + " " + arrives));
                    }
                }
            }
        }
        hits.sort(Comparator.comparing(Hit::departs).thenComparingInt(Hit::trip));
        return hits.stream().limit(limit).map(Hit::text).toList();
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    @Test
    void findStops_sharedFeeds_fuzzyNamesAndCodes() {
        assertEquals("Tangerang", timetable.findStops("TNG", 1).getFirst().name());
        assertEquals("Tangerang", timetable.findStops("stasiun tanggerang", 1).getFirst().name());
        assertEquals("Batu Ceper", timetable.findStops("st. batu cepr", 1).getFirst().name());
        List<String> poris = timetable.findStops("poris", 5).stream().map(s -> s.name()).toList();
        assertEquals("Poris", poris.getFirst());
        assertTrue(poris.contains("Term. Poris Plawad") || poris.stream().anyMatch(n -> n.contains("Poris Plawad")), poris.toString());
        assertEquals("Rawa Buaya", timetable.findStops("rawa buaja", 1).getFirst().name());
    }

    @Test
    void transjakarta_porisPlawad_hasFrequencyDeparturesOnAWeekday() {
        String id = timetable.findStops("halte poris plawad", 1).getFirst().id();
        List<Departure> d = timetable.nextDepartures(id, Optional.empty(), LocalDateTime.of(2025, 11, 20, 8, 0), 5);
        assertEquals(5, d.size(), d.toString());
        assertTrue(d.stream().allMatch(x -> !x.departs().isBefore(LocalDateTime.of(2025, 11, 20, 8, 0))));
    }
}
