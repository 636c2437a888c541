package id.kanal.services.timetable;

import id.kanal.dialog.port.Stop;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fuzzy stop search on the built-in demo feed: what residents type, and the stop they mean. */
class StopSearchTest {
    private static GtfsTimetable timetable;

    @BeforeAll
    static void load() {
        FeedData demo = GtfsParser.parse("demo", GtfsParser.readFiles(GtfsSource.classpath("demo/gtfs")), n -> { });
        timetable = GtfsTimetable.empty();
        timetable.install(demo, 1);
    }

    @ParameterizedTest(name = "\"{0}\" finds {1}")
    @CsvSource({
            "TNG, Tangerang",
            "tng, Tangerang",
            "st tng, Tangerang",
            "Stasiun Tangerang, Tangerang",
            "st. tangerang, Tangerang",
            "TANGERANG, Tangerang",
            "tanggerang, Tangerang",
            "tangrang, Tangerang",
            "tanngerangg, Tangerang",
            "KALIDERESS, Kalideres",
            "stasiun tanah tingi, Tanah Tinggi",
            "BPR, Batu Ceper",
            "btu ceper, Batu Ceper",
            "poris, Poris",
            "poris plawad, Terminal Poris Plawad",
            "terminal poris, Terminal Poris Plawad",
            "halte cikokol, Halte Cikokol",
            "cikokol, Halte Cikokol",
            "halte pasar lama, Halte Pasar Lama",
            "kali deres, Kalideres",
            "durii, Duri",
            "pasar anyar, Halte Pasar Anyar",
    })
    void findStops_residentSpelling_findsTheStop(String query, String expected) {
        List<Stop> found = timetable.findStops(query, 3);
        assertTrue(!found.isEmpty(), "nothing for " + query);
        assertEquals(expected, found.getFirst().name(), query + " -> " + found);
    }

    @org.junit.jupiter.api.Test
    void findStops_shortcuts_answerExactlyAsTheFullComparison() {
        FeedData demo = GtfsParser.parse("demo", GtfsParser.readFiles(GtfsSource.classpath("demo/gtfs")), n -> { });
        StopSearchEquivalence.check(new TimetableIndex(List.of(demo)), 2_000, 3);
    }

    @ParameterizedTest(name = "\"{0}\" finds nothing")
    @CsvSource({"xyz", "stasiun", "'  '", "bandung"})
    void findStops_unrelatedQuery_findsNothing(String query) {
        assertEquals(List.of(), timetable.findStops(query, 3));
    }
}
