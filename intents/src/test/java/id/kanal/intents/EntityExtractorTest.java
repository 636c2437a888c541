package id.kanal.intents;

import id.kanal.dialog.port.Category;
import id.kanal.dialog.port.Commodity;
import id.kanal.dialog.port.PriceQuote;
import id.kanal.dialog.port.PriceService;
import id.kanal.dialog.port.Stop;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class EntityExtractorTest {
    private static final TextNormaliser NORMALISER = TextNormaliser.builtIn();
    private static final EntityExtractor TANGERANG =
            new EntityExtractor(NORMALISER, LiveVocabulary.fixed(Vocabulary.tangerang()), Optional.empty());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "hrg cabe rawit di pasar anyar brp|commodity=cabai rawit;market=Pasar Anyar",
            "harga telor di psr lama|commodity=telur ayam;market=Pasar Lama",
            "migor brp|commodity=minyak goreng",
            "how much is cooking oil at pasar malabar|commodity=minyak goreng;market=Pasar Malabar",
            "price of rice|commodity=beras",
            "red chili price|commodity=cabai merah",
            "garlic|commodity=bawang putih",
            "harga bawang merah di bandeng market|commodity=bawang merah;market=Pasar Bandeng",
            "status TNG-004512|ticket=TNG-004512",
            "tiket bks-123456 gmn|ticket=BKS-123456",
            "ABCDEF-123456 too long prefix|",
            "TNG-1234567 seven digits|",
            "krl dari tangerang ke duri jam brp|from=Stasiun Tangerang;to=Stasiun Duri",
            "from batu ceper to tanah abang tomorrow|from=Stasiun Batu Ceper;to=Stasiun Tanah Abang",
            "dari rumah ke kantor|from=rumah;to=kantor",
            "bus di halte cikokol kapan|stop=Halte Cikokol",
            "kereta di stasiun poris|stop=Stasiun Poris",
            "kereta terakhir ke tanah abang|to=Stasiun Tanah Abang",
            "mau ke pasar beli sayur|",
            "gorong2 mampet|category=DRAINASE",
            "lampu jalan mati|category=PJU",
            "sampahhh numpuk|category=SAMPAH",
    })
    void extract_message_findsEntities(String text, String expected) {
        assertEquals(parse(expected), TANGERANG.extract(text));
    }

    @Test
    void extract_importedFeed_understoodWithoutRetraining() {
        // Names as the Badan Pangan Nasional CSV writes them.
        List<Commodity> feed = List.of(new Commodity("Cabai Rawit Merah", "kg", List.of()),
                new Commodity("Cabai Merah Keriting", "kg", List.of()),
                new Commodity("Beras Premium", "kg", List.of()), new Commodity("Beras Medium", "kg", List.of()),
                new Commodity("Minyak Goreng Kemasan", "liter", List.of()),
                new Commodity("Telur Ayam Ras", "kg", List.of()), new Commodity("Garam Konsumsi", "kg", List.of()));
        FakePrices prices = new FakePrices(feed, List.of("Pasar Kosambi"));
        LiveVocabulary live = LiveVocabulary.from(Optional.of(prices), Optional.empty(), Vocabulary.tangerang());
        EntityExtractor extractor = new EntityExtractor(NORMALISER, live, Optional.empty());

        assertEquals(Map.of("commodity", "Cabai Rawit Merah", "market", "Pasar Kosambi"),
                extractor.extract("hrg cabe rawit di pasar kosambi"));
        assertEquals(Map.of("commodity", "Beras Premium"), extractor.extract("beras premium brp"));
        assertEquals(Map.of("commodity", "Garam Konsumsi"), extractor.extract("salt price"));
        assertEquals(Map.of("commodity", "Telur Ayam Ras"), extractor.extract("harga telor"));
        assertFalse(extractor.extract("harga beras").containsKey("commodity"), "beras is ambiguous in this feed");

        prices.commodities.set(List.of(new Commodity("Gula Konsumsi", "kg", List.of())));
        live.refresh();
        assertEquals(Map.of("commodity", "Gula Konsumsi"), extractor.extract("hrg gula brp"));
    }

    @Test
    void refresh_serviceFails_keepsPreviousNames() {
        FakePrices prices = new FakePrices(List.of(new Commodity("Jagung", "kg", List.of())), List.of());
        LiveVocabulary live = LiveVocabulary.from(Optional.of(prices), Optional.empty(), Vocabulary.tangerang());
        prices.fail = true;
        live.refresh();
        assertEquals("Jagung", live.get().commodities().get(0).name());
    }

    @Test
    void extract_timetableStops_canonicalisedByTheScheduleService() {
        List<String> queries = new ArrayList<>();
        StopFinder timetable = (query, limit) -> {
            queries.add(query);
            return query.equals("poris plawad") ? List.of(new Stop("P1", "Terminal Poris Plawad", Optional.empty()))
                    : List.of();
        };
        EntityExtractor extractor = new EntityExtractor(NORMALISER, LiveVocabulary.fixed(Vocabulary.tangerang()),
                Optional.of(timetable));
        assertEquals(Map.of("from", "Terminal Poris Plawad", "to", "alam sutera"),
                extractor.extract("bus dari poris plawad ke alam sutera jam brp"));
    }

    @Test
    void extract_customCategories_useTheirKeywords() {
        Vocabulary v = Vocabulary.tangerang().withCategories(List.of(
                new Category("KEBAKARAN", "Kebakaran", "Fire", "Damkar", List.of("kebakaran", "api", "fire"))));
        EntityExtractor extractor = new EntityExtractor(NORMALISER, LiveVocabulary.fixed(v), Optional.empty());
        assertEquals(Map.of("category", "KEBAKARAN", "location", "gang 5"), extractor.extract("ada kebakaran di gang 5"));
    }

    static Map<String, String> parse(String spec) {
        Map<String, String> out = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return out;
        }
        for (String kv : spec.split(";")) {
            int eq = kv.indexOf('=');
            out.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return out;
    }

    private static final class FakePrices implements PriceService {
        final AtomicReference<List<Commodity>> commodities;
        final List<String> markets;
        volatile boolean fail;

        FakePrices(List<Commodity> commodities, List<String> markets) {
            this.commodities = new AtomicReference<>(commodities);
            this.markets = markets;
        }

        @Override
        public List<Commodity> commodities() {
            if (fail) {
                throw new IllegalStateException("price board down");
            }
            return commodities.get();
        }

        @Override
        public List<String> markets() {
            return markets;
        }

        @Override
        public Optional<PriceQuote> latest(String commodity, Optional<String> market) {
            return Optional.empty();
        }

        @Override
        public List<PriceQuote> latestByMarket(String commodity) {
            return List.of();
        }
    }
}
