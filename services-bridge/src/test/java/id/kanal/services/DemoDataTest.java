package id.kanal.services;

import id.kanal.dialog.port.Departure;
import id.kanal.dialog.port.PriceQuote;
import id.kanal.dialog.port.Stop;
import id.kanal.services.prices.CommodityCatalog;
import id.kanal.services.prices.PriceImporter;
import id.kanal.services.prices.SqlPriceBoard;
import id.kanal.services.timetable.GtfsImporter;
import id.kanal.services.timetable.GtfsTimetable;
import id.kanal.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.time.ZoneId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoDataTest {
    // 08:00 in Jakarta on Thursday 20 November 2025
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-20T01:00:00Z"), ZoneOffset.UTC);

    @Test
    void seedIfEmpty_freshDatabase_answersPricesAndDepartures(@TempDir Path dir) {
        try (Database db = Database.openSqlite(dir)) {
            SqlPriceBoard board = new SqlPriceBoard(db, CommodityCatalog.builtIn(), CLOCK, 3, ZoneId.of("Asia/Jakarta"));
            GtfsTimetable timetable = GtfsTimetable.empty();
            DemoData.Seeded seeded = DemoData.seedIfEmpty(db, board, timetable, CLOCK);
            assertTrue(seeded.prices().isPresent());
            assertTrue(seeded.timetable().isPresent());

            assertEquals(10, board.commodities().size());
            assertTrue(board.markets().containsAll(List.of("Pasar Anyar", "Pasar Lama", "Pasar Malabar")));
            PriceQuote rawit = board.latest("cabe rawit", Optional.of("pasar anyar")).orElseThrow();
            assertEquals("cabai rawit", rawit.commodity());
            assertEquals(LocalDate.of(2025, 11, 20), rawit.date());
            assertTrue(rawit.weekEarlierRupiah().isPresent());
            assertFalse(board.isStale(rawit));
            assertEquals(5, board.latestByMarket("beras").size());

            Stop tng = timetable.findStops("stasiun tangerang", 1).getFirst();
            Stop duri = timetable.findStops("duri", 1).getFirst();
            List<Departure> next = timetable.nextDepartures(tng.id(), Optional.of(duri.id()),
                    LocalDateTime.of(2025, 11, 20, 8, 0), 3);
            assertEquals(3, next.size());
            assertEquals("Commuter Line Tangerang", next.getFirst().line());
            assertTrue(next.getFirst().arrives().orElseThrow().isAfter(next.getFirst().departs()));

            Stop poris = timetable.findStops("poris plawad", 1).getFirst();
            assertEquals("Terminal Poris Plawad", poris.name());
            assertFalse(timetable.nextDepartures(poris.id(), Optional.empty(), LocalDateTime.of(2025, 11, 20, 8, 0), 3).isEmpty());
        }
    }

    @Test
    void seedIfEmpty_secondStartAfterRestart_importsNothingAndKeepsAnswers(@TempDir Path dir) {
        try (Database db = Database.openSqlite(dir)) {
            DemoData.seedIfEmpty(db, new SqlPriceBoard(db, CommodityCatalog.builtIn(), CLOCK, 3, ZoneId.of("Asia/Jakarta")), GtfsTimetable.empty(), CLOCK);
        }
        try (Database db = Database.openSqlite(dir)) {
            SqlPriceBoard board = new SqlPriceBoard(db, CommodityCatalog.builtIn(), CLOCK, 3, ZoneId.of("Asia/Jakarta"));
            GtfsTimetable timetable = GtfsTimetable.load(db);
            DemoData.Seeded again = DemoData.seedIfEmpty(db, board, timetable, CLOCK);
            assertTrue(again.prices().isEmpty());
            assertTrue(again.timetable().isEmpty());
            assertEquals(List.of(DemoData.FEED), List.copyOf(timetable.feeds().keySet()));
            assertEquals("TNG", timetable.findStops("TNG", 1).getFirst().code().orElseThrow());
        }
    }

    /** Issue 14: the first real import of each kind removes its demo, so demo never sits beside real data. */
    @Test
    void realImports_replaceTheDemoOfTheirKind(@TempDir Path dir) {
        Path krl = SharedData.require("gtfs/krl-commuterline");
        Path bandung = SharedData.require("prices/bapanas-kota-bandung.csv");
        try (Database db = Database.openSqlite(dir)) {
            SqlPriceBoard board = new SqlPriceBoard(db, CommodityCatalog.builtIn(), CLOCK, 3, ZoneId.of("Asia/Jakarta"));
            GtfsTimetable timetable = GtfsTimetable.empty();
            DemoData.seedIfEmpty(db, board, timetable, CLOCK);

            new GtfsImporter(db, timetable, CLOCK).importPath(krl, n -> { });
            assertEquals(List.of("krl-commuterline"), List.copyOf(timetable.feeds().keySet()));
            assertEquals(List.of("krl-commuterline"), List.copyOf(GtfsTimetable.load(db).feeds().keySet()), "in the database too");
            List<Stop> tangerang = timetable.findStops("stasiun tangerang", 5).stream()
                    .filter(s -> s.name().equalsIgnoreCase("Tangerang")).toList();
            assertEquals(1, tangerang.size(), tangerang.toString());

            PriceImporter.forBoard(db, board, CLOCK).importFile(bandung, n -> { });
            assertFalse(board.markets().contains("Pasar Anyar"), board.markets().toString());
            int demoRows = db.read(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM price WHERE source = 'demo'")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertEquals(0, demoRows);
        }
        try (Database db = Database.openSqlite(dir)) {
            // The next start seeds nothing: real data of both kinds exists.
            DemoData.Seeded again = DemoData.seedIfEmpty(db, new SqlPriceBoard(db, CommodityCatalog.builtIn(), CLOCK, 3, ZoneId.of("Asia/Jakarta")),
                    GtfsTimetable.load(db), CLOCK);
            assertTrue(again.prices().isEmpty() && again.timetable().isEmpty());
        }
    }
}
