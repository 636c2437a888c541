package id.kanal.services.timetable;

import id.kanal.dialog.port.Departure;
import id.kanal.store.Database;
import id.kanal.store.testing.TestDatabase;
import id.kanal.store.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(TestDatabases.class)
class GtfsTimetableTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-20T01:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private Database db;
    private GtfsTimetable timetable;
    private GtfsImporter importer;

    @BeforeEach
    void open(TestDatabase database) {
        db = database.open(dir, 4);
        timetable = GtfsTimetable.empty();
        importer = new GtfsImporter(db, timetable, CLOCK);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** A two-stop line A to B: a weekday trip at 08:00, a night trip at 23:50 reaching B at 24:20, and a bus every 30 min. */
    static Map<String, String> tiny(String headsign) {
        Map<String, String> f = new HashMap<>();
        f.put("stops.txt", "stop_id,stop_code,stop_name,stop_lat,stop_lon\nA,AAA,Alpha,,\nB,BBB,Beta,,\n");
        f.put("routes.txt", "route_id,route_short_name,route_long_name,route_type\nR,R1,,2\nBUS,,Bus Alpha Beta,3\n");
        f.put("calendar.txt", "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\n"
                + "WD,1,1,1,1,1,0,0,20250101,20251231\n");
        f.put("calendar_dates.txt", "service_id,date,exception_type\nWD,20251225,2\nWD,20251227,1\n");
        f.put("trips.txt", "route_id,service_id,trip_id,trip_headsign\nR,WD,morning," + headsign + "\nR,WD,night," + headsign
                + "\nBUS,WD,bus," + headsign + "\n");
        f.put("stop_times.txt", "trip_id,arrival_time,departure_time,stop_id,stop_sequence\n"
                + "morning,08:00:00,08:00:00,A,1\nmorning,08:30:00,08:30:00,B,2\n"
                + "night,23:50:00,23:50:00,A,1\nnight,24:20:00,24:20:00,B,2\n"
                + "bus,06:00:00,06:00:00,A,1\nbus,06:10:00,06:10:00,B,2\n");
        f.put("frequencies.txt", "trip_id,start_time,end_time,headway_secs\nbus,06:00:00,07:00:00,1800\n");
        return f;
    }

    private List<Departure> from(String stop, Optional<String> to, LocalDateTime after, int limit) {
        return timetable.nextDepartures(stop, to, after, limit);
    }

    @Test
    void nextDepartures_frequencyTrips_areExpandedWithinTheirWindow() {
        importer.importFeed("t", GtfsSource.ofTexts(tiny("Beta")), "test", n -> { });
        List<Departure> d = from("t:A", Optional.of("t:B"), LocalDateTime.of(2025, 11, 20, 5, 0), 4);
        assertEquals(List.of(LocalDateTime.of(2025, 11, 20, 6, 0), LocalDateTime.of(2025, 11, 20, 6, 30),
                LocalDateTime.of(2025, 11, 20, 8, 0), LocalDateTime.of(2025, 11, 20, 23, 50)), d.stream().map(Departure::departs).toList());
        assertEquals(LocalDateTime.of(2025, 11, 20, 6, 40), d.get(1).arrives().orElseThrow());
        assertEquals("Bus Alpha Beta", d.getFirst().line());
        assertEquals("R1", d.get(2).line());
    }

    @Test
    void nextDepartures_afterMidnight_includePreviousServiceDayTripsPast24() {
        importer.importFeed("t", GtfsSource.ofTexts(tiny("Beta")), "test", n -> { });
        // Friday 21 Nov 23:55: the night trip of Friday's service arrives at B at 00:20 on Saturday.
        List<Departure> d = from("t:A", Optional.of("t:B"), LocalDateTime.of(2025, 11, 21, 23, 45), 1);
        assertEquals(LocalDateTime.of(2025, 11, 21, 23, 50), d.getFirst().departs());
        assertEquals(LocalDateTime.of(2025, 11, 22, 0, 20), d.getFirst().arrives().orElseThrow());
        // Asked from B at 00:05 on Saturday: no Saturday service, but Friday's 24:20 call still counts.
        assertTrue(from("t:B", Optional.empty(), LocalDateTime.of(2025, 11, 22, 0, 5), 3).isEmpty(),
                "B is the terminal: nobody boards there");
    }

    @Test
    void nextDepartures_calendarDates_removeAndAddDays() {
        importer.importFeed("t", GtfsSource.ofTexts(tiny("Beta")), "test", n -> { });
        // Thursday 25 December is removed: the next run is Friday 26 at 06:00.
        assertEquals(LocalDateTime.of(2025, 12, 26, 6, 0),
                from("t:A", Optional.empty(), LocalDateTime.of(2025, 12, 25, 5, 0), 1).getFirst().departs());
        // Saturday 27 December is added.
        assertEquals(LocalDateTime.of(2025, 12, 27, 6, 0),
                from("t:A", Optional.empty(), LocalDateTime.of(2025, 12, 27, 5, 0), 1).getFirst().departs());
    }

    @Test
    void nextDepartures_destinationBeforeOrigin_isNotOffered() {
        importer.importFeed("t", GtfsSource.ofTexts(tiny("Beta")), "test", n -> { });
        assertTrue(from("t:A", Optional.of("t:A"), LocalDateTime.of(2025, 11, 20, 5, 0), 3).isEmpty());
        assertTrue(from("nowhere", Optional.empty(), LocalDateTime.of(2025, 11, 20, 5, 0), 3).isEmpty());
    }

    @Test
    void importFeed_stopTimeOfUnknownTrip_rejectsAndKeepsOldFeed() {
        importer.importFeed("t", GtfsSource.ofTexts(tiny("Beta")), "test", n -> { });
        Map<String, String> broken = tiny("Gamma");
        broken.put("stop_times.txt", broken.get("stop_times.txt") + "ghost,09:00:00,09:00:00,A,1\n");
        GtfsImportException e = assertThrows(GtfsImportException.class,
                () -> importer.importFeed("t", GtfsSource.ofTexts(broken), "test", n -> { }));
        assertEquals("stop_times.txt", e.file());
        assertEquals(8, e.row());
        assertEquals("unknown trip_id ghost", e.reason());
        assertEquals("Beta", from("t:A", Optional.empty(), LocalDateTime.of(2025, 11, 20, 7, 0), 1).getFirst().headsign());
        assertEquals("Beta", GtfsTimetable.load(db).nextDepartures("t:A", Optional.empty(),
                LocalDateTime.of(2025, 11, 20, 7, 0), 1).getFirst().headsign(), "the database kept the old feed too");
    }

    @Test
    void importFeed_missingColumnOrBadTime_namesFileAndRow() {
        Map<String, String> noColumn = tiny("Beta");
        noColumn.put("stops.txt", "stop_id,stop_lat\nA,1\n");
        GtfsImportException e = assertThrows(GtfsImportException.class,
                () -> importer.importFeed("t", GtfsSource.ofTexts(noColumn), "test", n -> { }));
        assertEquals("stops.txt row 1: missing column stop_name", e.getMessage());
        Map<String, String> badTime = tiny("Beta");
        badTime.put("stop_times.txt", badTime.get("stop_times.txt").replace("08:30:00,08:30:00", "8h30,8h30"));
        GtfsImportException t = assertThrows(GtfsImportException.class,
                () -> importer.importFeed("t", GtfsSource.ofTexts(badTime), "test", n -> { }));
        assertEquals(3, t.row());
        assertTrue(timetable.feeds().isEmpty());
    }

    @Test
    void importFeed_badNumber_namesFileRowAndColumn_andKeepsOldFeed() {
        importer.importFeed("t", GtfsSource.ofTexts(tiny("Beta")), "test", n -> { });
        Map<String, String> badSequence = tiny("Gamma");
        badSequence.put("stop_times.txt", badSequence.get("stop_times.txt").replace("morning,08:30:00,08:30:00,B,2",
                "morning,08:30:00,08:30:00,B,two"));
        GtfsImportException e = assertThrows(GtfsImportException.class,
                () -> importer.importFeed("t", GtfsSource.ofTexts(badSequence), "test", n -> { }));
        assertEquals("stop_times.txt", e.file());
        assertEquals(3, e.row());
        assertEquals("bad number 'two' in stop_sequence", e.reason());
        Map<String, String> badHeadway = tiny("Gamma");
        badHeadway.put("frequencies.txt", "trip_id,start_time,end_time,headway_secs\nbus,06:00:00,07:00:00,30min\n");
        GtfsImportException h = assertThrows(GtfsImportException.class,
                () -> importer.importFeed("t", GtfsSource.ofTexts(badHeadway), "test", n -> { }));
        assertEquals("frequencies.txt row 2: bad number '30min' in headway_secs", h.getMessage());
        assertEquals("Beta", from("t:A", Optional.empty(), LocalDateTime.of(2025, 11, 20, 7, 0), 1).getFirst().headsign());
    }

    @Test
    void importFeed_sameNameReplaces_otherNamesStay() {
        importer.importFeed("t", GtfsSource.ofTexts(tiny("Beta")), "test", n -> { });
        importer.importFeed("u", GtfsSource.ofTexts(tiny("Other")), "test", n -> { });
        importer.importFeed("t", GtfsSource.ofTexts(tiny("Gamma")), "test", n -> { });
        assertEquals(Set.of("t", "u"), timetable.feeds().keySet());
        assertEquals("Gamma", from("t:A", Optional.empty(), LocalDateTime.of(2025, 11, 20, 7, 0), 1).getFirst().headsign());
        assertEquals(timetable.feeds(), GtfsTimetable.load(db).feeds());
    }

    @Test
    void importFeed_queriesDuringImports_seeOneWholeFeed() throws Exception {
        importer.importFeed("t", GtfsSource.ofTexts(tiny("Beta")), "test", n -> { });
        AtomicBoolean done = new AtomicBoolean();
        Set<Set<String>> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
            int queries = 0;
            while (!done.get() || queries < 100) {
                Set<String> headsigns = new HashSet<>();
                from("t:A", Optional.empty(), LocalDateTime.of(2025, 11, 20, 5, 0), 10).forEach(d -> headsigns.add(d.headsign()));
                seen.add(headsigns);
                queries++;
            }
            return queries;
        });
        for (int i = 0; i < 20; i++) {
            importer.importFeed("t", GtfsSource.ofTexts(tiny(i % 2 == 0 ? "Gamma" : "Beta")), "test", n -> { });
        }
        done.set(true);
        assertTrue(reader.get(Duration.ofSeconds(30).toSeconds(), TimeUnit.SECONDS) >= 100);
        for (Set<String> headsigns : seen) {
            assertEquals(1, headsigns.size(), "a query mixed two feeds: " + headsigns);
        }
    }
}
