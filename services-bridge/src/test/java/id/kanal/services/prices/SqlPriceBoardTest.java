package id.kanal.services.prices;

import id.kanal.dialog.port.PriceQuote;
import id.kanal.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.time.ZoneId;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlPriceBoardTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-20T01:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private Database db;
    private SqlPriceBoard board;

    /** SQLite in a temporary directory; the ...OnPostgresTest subclass runs these tests on PostgreSQL. */
    Database openDatabase() {
        return Database.openSqlite(dir);
    }

    @BeforeEach
    void open() {
        db = openDatabase();
        board = new SqlPriceBoard(db, CommodityCatalog.builtIn(), CLOCK, 3, ZoneId.of("Asia/Jakarta"));
        PriceImporter.forBoard(db, board, CLOCK).importCsv(new StringReader("""
                date,market,commodity,unit,price
                2025-11-12,Pasar Anyar,cabai rawit,kg,58000
                2025-11-13,Pasar Anyar,cabai rawit,kg,60000
                2025-11-20,Pasar Anyar,cabai rawit,kg,66000
                2025-11-19,Pasar Lama,cabai rawit,kg,64000
                2025-11-20,Pasar Bandeng,cabai rawit,kg,70000
                2025-11-10,Pasar Lama,beras,kg,14500
                """), "test", n -> { });
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void latest_withMarket_returnsPriceAndWeekChange() {
        PriceQuote q = board.latest("cabai rawit", Optional.of("PASAR ANYAR")).orElseThrow();
        assertEquals(new PriceQuote("cabai rawit", Optional.of("Pasar Anyar"), "kg", 66000, LocalDate.of(2025, 11, 20),
                OptionalLong.of(60000)), q);
    }

    @Test
    void latest_bySynonymWithoutMarket_returnsMedianOfMarkets() {
        PriceQuote q = board.latest("cabe rawit", Optional.empty()).orElseThrow();
        assertEquals(Optional.empty(), q.market());
        assertEquals(LocalDate.of(2025, 11, 20), q.date());
        assertEquals(68000, q.rupiah()); // median of 66,000 and 70,000 on the latest day
    }

    @Test
    void latestByMarket_cheapestFirst_withCheapestAndDearest() {
        List<PriceQuote> all = board.latestByMarket("cabai rawit");
        assertEquals(List.of("Pasar Lama", "Pasar Anyar", "Pasar Bandeng"), all.stream().map(q -> q.market().orElseThrow()).toList());
        assertEquals("Pasar Lama", board.cheapest("cabai rawit").orElseThrow().market().orElseThrow());
        assertEquals(70000, board.dearest("cabai rawit").orElseThrow().rupiah());
    }

    @Test
    void isStale_quoteOlderThanSetting_isTrueAndAgeIsGiven() {
        PriceQuote beras = board.latest("beras", Optional.of("Pasar Lama")).orElseThrow();
        assertEquals(10, board.ageDays(beras));
        assertTrue(board.isStale(beras));
        assertFalse(board.isStale(board.latest("cabai rawit", Optional.of("Pasar Anyar")).orElseThrow()));
    }

    @Test
    void latest_unknownCommodityOrMarket_isEmpty() {
        assertTrue(board.latest("durian", Optional.empty()).isEmpty());
        assertTrue(board.latest("beras", Optional.of("Pasar Anyar")).isEmpty());
        assertTrue(board.latestByMarket("durian").isEmpty());
    }

    @Test
    void newestDays_perCommodity_theLatestSurveyDayOfAnyMarket() {
        assertEquals(java.util.Map.of("cabai rawit", LocalDate.of(2025, 11, 20), "beras", LocalDate.of(2025, 11, 10)),
                board.newestDays());
        assertEquals(10, board.ageDays(LocalDate.of(2025, 11, 10)));
    }
}
