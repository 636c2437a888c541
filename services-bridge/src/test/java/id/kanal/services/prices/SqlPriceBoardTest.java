package id.kanal.services.prices;

import id.kanal.dialog.port.PriceQuote;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlPriceBoardTest extends BoardTest {
    @BeforeEach
    void importAWeekOfPrices() {
        importer.importCsv(new StringReader("""
                date,market,commodity,unit,price
                2025-11-12,Pasar Anyar,cabai rawit,kg,58000
                2025-11-13,Pasar Anyar,cabai rawit,kg,60000
                2025-11-20,Pasar Anyar,cabai rawit,kg,66000
                2025-11-19,Pasar Lama,cabai rawit,kg,64000
                2025-11-20,Pasar Bandeng,cabai rawit,kg,70000
                2025-11-10,Pasar Lama,beras,kg,14500
                """), "test", n -> { });
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
