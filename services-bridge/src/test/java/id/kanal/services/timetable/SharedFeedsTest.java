package id.kanal.services.timetable;

import id.kanal.dialog.StopPairs;
import id.kanal.dialog.port.Departure;
import id.kanal.dialog.port.TransitMode;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
    /** Each shared feed's files and their parse, read once for the tests that build their own index. */
    private static final Map<Path, Map<String, String>> FILES = new HashMap<>();
    private static final Map<Path, FeedData> PARSED = new HashMap<>();

    private static FeedData parsed(Path feedDir) {
        return PARSED.computeIfAbsent(feedDir, d -> GtfsParser.parse(GtfsImporter.feedName(d), files(d), n -> { }));
    }

    private static Map<String, String> files(Path feedDir) {
        return FILES.computeIfAbsent(feedDir, d -> GtfsParser.readFiles(GtfsSource.of(d)));
    }

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
            BruteForce check = new BruteForce(files(feedDir), parsed(feedDir));
            // Around midnight half the time (trips past 24:00); 2025-12-20..27 spans weekends and
            // TransJakarta's weekday-only (HK) and Sunday-only (HM) services.
            List<LocalDateTime> moments = new ArrayList<>();
            Random random = new Random(11);
            for (int i = 0; i < 400; i++) {
                LocalDate day = LocalDate.of(2025, 12, 20 + random.nextInt(8));
                int minute = i % 2 == 0 ? 23 * 60 + random.nextInt(120) : random.nextInt(24 * 60);
                moments.add(day.atStartOfDay().plusMinutes(minute));
            }
            int answered = check.compare(name, 400, 11, moments);
            assertTrue(answered > 200, name + ": too few answered queries to mean anything: " + answered);
        }
    }

    /**
     * The shared feeds have no calendar_dates rows, so some are added: TransJakarta's daily
     * service (SH, most trips) removed on Wednesday 24 December 2025, its weekday service (HK)
     * added on Saturday 27 December and its Sunday service (HM) on Thursday 25 December. Asked
     * around those days and across their midnights, the index must agree with the brute force.
     */
    @Test
    void nextDepartures_onDatesChangedByCalendarDates_matchBruteForceScan() {
        Map<String, String> files = new HashMap<>(files(tj));
        files.put("calendar_dates.txt", files.getOrDefault("calendar_dates.txt", "service_id,date,exception_type").strip()
                + "\nSH,20251224,2\nHK,20251227,1\nHM,20251225,1\n");
        FeedData feed = GtfsParser.parse("transjakarta", files, n -> { });
        BruteForce check = new BruteForce(files, feed);
        List<LocalDateTime> moments = new ArrayList<>();
        for (int day = 23; day <= 28; day++) {
            for (int minute : new int[] {5 * 60, 8 * 60 + 30, 13 * 60, 22 * 60 + 55, 23 * 60 + 40}) {
                moments.add(LocalDate.of(2025, 12, day).atStartOfDay().plusMinutes(minute));
            }
        }
        int answered = check.compare("transjakarta+calendar_dates", 300, 24, moments);
        assertTrue(answered > 150, "too few answered queries to mean anything: " + answered);

        // The removal itself: an SH trip's first stop has it on the 23rd, not on the 24th.
        FeedData.TripData sh = feed.trips().stream().filter(t -> t.service().equals("SH")).findFirst().orElseThrow();
        int stop = sh.stops()[0];
        LocalDate eve = LocalDate.of(2025, 12, 24);
        assertTrue(check.index().nextDepartures(stop, Optional.empty(), eve.minusDays(1).atTime(4, 0), 500).stream()
                .anyMatch(d -> d.line().equals(sh.line()) && d.departs().toLocalDate().equals(eve.minusDays(1))));
        assertTrue(check.index().nextDepartures(stop, Optional.empty(), eve.atTime(4, 0), 500).stream()
                .noneMatch(d -> d.line().equals(sh.line()) && d.departs().toLocalDate().equals(eve)
                        && d.departs().getHour() >= 4), "an SH trip ran on a day calendar_dates removed");
    }

    @Test
    void stopSearch_shortcuts_answerExactlyAsTheFullComparison() {
        for (Path feedDir : List.of(krl, tj)) {
            StopSearchEquivalence.check(new TimetableIndex(List.of(parsed(feedDir))), feedDir == tj ? 120 : 600, 5);
        }
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

    /** First and last departures of a service day, for random stop pairs on weekdays, weekends and changed dates. */
    @Test
    void firstAndLastDepartures_matchBruteForceScan() {
        Map<String, String> tjFiles = new HashMap<>(files(tj));
        tjFiles.put("calendar_dates.txt", tjFiles.getOrDefault("calendar_dates.txt", "service_id,date,exception_type").strip()
                + "\nSH,20251224,2\nHK,20251227,1\nHM,20251225,1\n");
        List<LocalDate> days = new ArrayList<>();
        for (int day = 20; day <= 28; day++) {
            days.add(LocalDate.of(2025, 12, day));
        }
        for (Path feedDir : List.of(krl, tj)) {
            String name = GtfsImporter.feedName(feedDir);
            Map<String, String> files = feedDir.equals(tj) ? tjFiles : files(feedDir);
            BruteForce check = new BruteForce(files, GtfsParser.parse(name, files, n -> { }));
            int answered = check.compareDays(name, 300, 5, days);
            assertTrue(answered > 300, name + ": too few answered queries to mean anything: " + answered);
        }
    }

    /** A direct line between two stops: some trip boards at one and later sets down at the other. */
    @Test
    void connects_matchesBruteForceScan_forConnectedAndRandomPairs() {
        for (Path feedDir : List.of(krl, tj)) {
            FeedData feed = parsed(feedDir);
            BruteForce check = new BruteForce(files(feedDir), feed);
            Random random = new Random(3);
            int connected = 0;
            for (int i = 0; i < 300; i++) {
                int a;
                int b;
                if (i % 2 == 0) { // two calls of one trip, in either order
                    FeedData.TripData trip = feed.trips().get(random.nextInt(feed.trips().size()));
                    a = trip.stops()[random.nextInt(trip.stops().length)];
                    b = trip.stops()[random.nextInt(trip.stops().length)];
                } else {
                    a = random.nextInt(feed.stops().size());
                    b = random.nextInt(feed.stops().size());
                }
                boolean expected = check.connects(a, b);
                assertEquals(expected, check.index().connects(a, b),
                        feedDir + " " + feed.stops().get(a).id() + " -> " + feed.stops().get(b).id());
                connected += expected ? 1 : 0;
            }
            assertTrue(connected > 50 && connected < 300, feedDir + ": connected pairs " + connected);
        }
    }

    /**
     * KRL and TransJakarta loaded together: "poris" is KRL Poris and TransJakarta's Term. Poris
     * Plawad; the destination decides which, and "kereta"/"bus" pick the mode.
     */
    @Test
    void stopPairs_krlAndTransjakarta_resolveToTheConnectedPair() {
        StopPairs pairs = new StopPairs(timetable, 5);
        assertEquals(Set.of(TransitMode.RAIL), timetable.modes("krl-commuterline:PI"));
        assertEquals(Set.of(TransitMode.BUS), timetable.modes("transjakarta:B05720P"));
        assertEquals("krl-commuterline:PI -> krl-commuterline:DU", ids(pairs.resolve("poris", "duri", Optional.empty())));
        assertEquals("krl-commuterline:PI -> krl-commuterline:TNG",
                ids(pairs.resolve("poris", "tangerang", Optional.of(TransitMode.RAIL))));
        assertEquals("transjakarta:B05720P -> transjakarta:B05677P",
                ids(pairs.resolve("poris", "tangerang city mall", Optional.empty())));
        assertEquals("transjakarta:B05720P -> transjakarta:B05677P",
                ids(pairs.resolve("poris", "tangerang city mall", Optional.of(TransitMode.BUS))));
        // No train links Poris with a TransJakarta stop.
        assertFalse(timetable.connects("krl-commuterline:PI", "transjakarta:B05677P"));
        assertInstanceOf(StopPairs.Resolution.Unconnected.class,
                pairs.resolve("poris", "tangerang city mall", Optional.of(TransitMode.RAIL)));
    }

    @Test
    void krl_lastTrainOfTheDay_tangerangToDuri_isTheLatestTheBruteForceFinds() {
        FeedData feed = parsed(krl);
        BruteForce check = new BruteForce(files(krl), feed);
        int tng = check.index().stopIndex("TNG").orElseThrow();
        int duri = check.index().stopIndex("DU").orElseThrow();
        LocalDate day = LocalDate.of(2025, 11, 20);
        List<String> last = check.dayDepartures(tng, Optional.of(duri), day, 1, true);
        assertEquals(1, last.size());
        Departure d = timetable.lastDepartures("krl-commuterline:TNG", Optional.of("krl-commuterline:DU"), day, 1).getFirst();
        assertTrue(last.getFirst().startsWith(d.departs().toString()), last + " vs " + d);
        assertTrue(d.departs().getHour() >= 20, "the last train leaves in the evening: " + d);
        // The feed never lists Duri on the Tangerang line (departures only; train 1903 stops
        // listing at Grogol): the headsign's terminal is implied, its arrival time unknown.
        Departure first = timetable.firstDepartures("krl-commuterline:TNG", Optional.of("krl-commuterline:DU"), day, 1).getFirst();
        assertEquals(LocalDateTime.of(2025, 11, 20, 4, 25), first.departs());
        assertEquals("Duri", first.to().orElseThrow().name());
        assertTrue(first.arrives().isEmpty(), first.toString());
        assertTrue(timetable.connects("krl-commuterline:TNG", "krl-commuterline:DU"));
    }

    private static String ids(StopPairs.Resolution r) {
        StopPairs.Resolution.Pair p = assertInstanceOf(StopPairs.Resolution.Pair.class, r);
        return p.from().id() + " -> " + p.to().id();
    }
}
