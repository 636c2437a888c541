package id.kanal.services.timetable;

import id.kanal.dialog.StopPairs;
import id.kanal.dialog.StopPairs.Resolution;
import id.kanal.dialog.port.Departure;
import id.kanal.dialog.port.Stop;
import id.kanal.dialog.port.TransitMode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built-in demo feed (KRL Tangerang line, Trans Tangerang K1 daily and K2 on weekdays):
 * both ends of a question resolved together, and the first and last departures of a day.
 */
class DemoStopPairsTest {
    private static final GtfsTimetable DEMO = demo();
    private final StopPairs pairs = new StopPairs(DEMO, 5);

    private static GtfsTimetable demo() {
        GtfsTimetable t = GtfsTimetable.empty();
        t.install(GtfsParser.parse("demo", GtfsParser.readFiles(GtfsSource.classpath("demo/gtfs")), n -> { }), 1);
        return t;
    }

    private static String names(Resolution r) {
        Resolution.Pair p = assertInstanceOf(Resolution.Pair.class, r);
        return p.from().name() + " -> " + p.to().name();
    }

    @Test
    void porisToCikokol_isTheBusTerminal_withOrWithoutTheWordBus() {
        // "poris" names the KRL station plainly, but no trip links it to Cikokol; K1 and K2 do from Poris Plawad.
        assertEquals("Poris", DEMO.findStops("poris", 5).getFirst().name());
        assertFalse(DEMO.connects("demo:PI", "demo:TT105"));
        assertEquals("Terminal Poris Plawad -> Halte Cikokol", names(pairs.resolve("poris", "cikokol", Optional.empty())));
        assertEquals("Terminal Poris Plawad -> Halte Cikokol",
                names(pairs.resolve("poris", "cikokol", Optional.of(TransitMode.BUS))));
    }

    @Test
    void aTrainFromPorisToCikokol_isNoConnectedPair() {
        assertEquals(List.of("Poris"), pairs.candidates("poris", Optional.of(TransitMode.RAIL)).stream().map(Stop::name).toList());
        assertInstanceOf(Resolution.Unconnected.class, pairs.resolve("poris", "cikokol", Optional.of(TransitMode.RAIL)));
    }

    @Test
    void plainNamesOnBothEnds_beatAConnectedPairNamedLessPlainly() {
        // KRL Poris -> Batu Ceper (towards Tangerang) and K2 Poris Plawad -> Halte Batu Ceper both run
        // (one feed's "Batu Ceper" and "Halte Batu Ceper" are one place, as platforms of a station).
        assertTrue(DEMO.connects("demo:TT101", "demo:TT201"));
        assertEquals("Poris -> Batu Ceper", names(pairs.resolve("poris", "batu ceper", Optional.empty())));
        assertEquals("Terminal Poris Plawad -> Batu Ceper",
                names(pairs.resolve("poris", "batu ceper", Optional.of(TransitMode.BUS))));
        assertEquals("Tangerang -> Duri", names(pairs.resolve("stasiun tangerang", "duri", Optional.of(TransitMode.RAIL))));
    }

    @Test
    void destinations_fromAChosenOrigin_preferThoseATripReaches() {
        // "tangerang" names the KRL station plainly; from Poris Plawad only K1's stop of that name is reached.
        assertEquals("Tangerang", DEMO.findStops("tangerang", 5).getFirst().name());
        assertEquals(List.of("Halte Pusat Pemerintahan Kota Tangerang"),
                pairs.destinations("demo:TT101", "tangerang", Optional.empty()).stream().map(Stop::name).toList());
    }

    @Test
    void modes_ofDemoStops() {
        assertEquals(Set.of(TransitMode.RAIL), DEMO.modes("demo:PI"));
        assertEquals(Set.of(TransitMode.BUS), DEMO.modes("demo:TT101"));
    }

    @Test
    void lastAndFirst_tangerangToDuri_andTheWeekdayBusOnASunday() {
        LocalDate sunday = LocalDate.of(2026, 11, 22);
        Departure last = DEMO.lastDepartures("demo:TNG", Optional.of("demo:DU"), sunday, 1).getFirst();
        assertEquals(sunday.atTime(23, 55), last.departs());
        assertEquals(sunday.atTime(4, 25), DEMO.firstDepartures("demo:TNG", Optional.of("demo:DU"), sunday, 1).getFirst().departs());
        // K2 (Poris Plawad to Cadas Kukun) runs on weekdays only: nothing on Sunday, from 05:00 on Monday.
        assertTrue(DEMO.firstDepartures("demo:TT101", Optional.of("demo:TT205"), sunday, 1).isEmpty());
        assertEquals(sunday.plusDays(1).atTime(5, 0),
                DEMO.firstDepartures("demo:TT101", Optional.of("demo:TT205"), sunday.plusDays(1), 1).getFirst().departs());
        assertEquals(sunday.plusDays(1).atTime(20, 40),
                DEMO.lastDepartures("demo:TT101", Optional.of("demo:TT205"), sunday.plusDays(1), 1).getFirst().departs());
    }
}
