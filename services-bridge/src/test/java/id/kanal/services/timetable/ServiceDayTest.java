package id.kanal.services.timetable;

import id.kanal.dialog.port.Departure;
import id.kanal.dialog.port.TransitMode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** First and last departures of a service day, the next service day, connections and modes, on a tiny feed. */
class ServiceDayTest {
    /** Thursday. */
    private static final LocalDate THURSDAY = LocalDate.of(2025, 11, 20);

    private final GtfsTimetable timetable = tiny();

    private static GtfsTimetable tiny() {
        GtfsTimetable t = GtfsTimetable.empty();
        t.install(GtfsParser.parse("t", GtfsTimetableTest.tiny("Beta"), n -> { }), 1);
        return t;
    }

    private static List<LocalDateTime> times(List<Departure> d) {
        return d.stream().map(Departure::departs).toList();
    }

    @Test
    void firstDepartures_ofADay_earliestFirstWithFrequencyRunsExpanded() {
        assertEquals(List.of(THURSDAY.atTime(6, 0), THURSDAY.atTime(6, 30), THURSDAY.atTime(8, 0)),
                times(timetable.firstDepartures("t:A", Optional.of("t:B"), THURSDAY, 3)));
    }

    @Test
    void lastDepartures_ofADay_includeTheTripPast24_andTheLastRunBeforeTheWindowEnds() {
        List<Departure> last = timetable.lastDepartures("t:A", Optional.of("t:B"), THURSDAY, 3);
        // The 06:00-07:00 window every 30 min runs at 06:00 and 06:30, not 07:00 (end is exclusive).
        assertEquals(List.of(THURSDAY.atTime(6, 30), THURSDAY.atTime(8, 0), THURSDAY.atTime(23, 50)), times(last));
        assertEquals(THURSDAY.plusDays(1).atTime(0, 20), last.getLast().arrives().orElseThrow()); // 24:20:00
        assertEquals(List.of(THURSDAY.atTime(23, 50)), times(timetable.lastDepartures("t:A", Optional.empty(), THURSDAY, 1)));
    }

    @Test
    void dayDepartures_honourCalendarAndCalendarDates() {
        LocalDate saturday = LocalDate.of(2025, 11, 22);
        assertTrue(timetable.firstDepartures("t:A", Optional.empty(), saturday, 3).isEmpty());
        assertTrue(timetable.lastDepartures("t:A", Optional.empty(), saturday, 3).isEmpty());
        // calendar_dates: Christmas (a Thursday) removed, Saturday 27 December added.
        assertTrue(timetable.firstDepartures("t:A", Optional.empty(), LocalDate.of(2025, 12, 25), 1).isEmpty());
        assertEquals(List.of(LocalDate.of(2025, 12, 27).atTime(6, 0)),
                times(timetable.firstDepartures("t:A", Optional.empty(), LocalDate.of(2025, 12, 27), 1)));
        // After the last departure on Christmas Eve the next service day is Friday the 26th.
        LocalDate eve = LocalDate.of(2025, 12, 24);
        assertTrue(timetable.nextDepartures("t:A", Optional.of("t:B"), eve.atTime(23, 51), 3).isEmpty());
        assertEquals(List.of(eve.plusDays(2).atTime(6, 0)),
                times(timetable.firstDepartures("t:A", Optional.of("t:B"), eve.plusDays(2), 1)));
    }

    @Test
    void dayDepartures_destinationNotReached_orUnknownStop_areEmpty() {
        assertTrue(timetable.firstDepartures("t:B", Optional.of("t:A"), THURSDAY, 3).isEmpty());
        assertTrue(timetable.lastDepartures("t:A", Optional.of("t:nowhere"), THURSDAY, 3).isEmpty());
        assertTrue(timetable.firstDepartures("t:nowhere", Optional.empty(), THURSDAY, 3).isEmpty());
        assertTrue(timetable.lastDepartures("t:A", Optional.empty(), THURSDAY, 0).isEmpty());
    }

    @Test
    void connects_onlyInTheDirectionATripRuns() {
        assertTrue(timetable.connects("t:A", "t:B"));
        assertFalse(timetable.connects("t:B", "t:A"));
        assertFalse(timetable.connects("t:A", "t:nowhere"));
    }

    @Test
    void modes_fromTheRouteTypesOfTheTripsCallingThere() {
        assertEquals(Set.of(TransitMode.RAIL, TransitMode.BUS), timetable.modes("t:A"));
        assertEquals(Set.of(), timetable.modes("t:nowhere"));
        assertEquals(TransitMode.RAIL, TimetableIndex.mode(2));
        assertEquals(TransitMode.RAIL, TimetableIndex.mode(109)); // extended: suburban railway
        assertEquals(TransitMode.BUS, TimetableIndex.mode(3));
        assertEquals(TransitMode.BUS, TimetableIndex.mode(702)); // extended: express bus
        assertEquals(TransitMode.OTHER, TimetableIndex.mode(4)); // ferry
        assertEquals(TransitMode.OTHER, TimetableIndex.mode(-1)); // no route_type given
    }
}
