package id.kanal.intents;

import id.kanal.dialog.port.Category;
import id.kanal.dialog.port.Commodity;
import id.kanal.dialog.port.Stop;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The names entity extraction looks for: the price board's commodities and markets, the
 * complaint categories and the stops the timetable knows by heart. Built from the dialog
 * ports (see {@link LiveVocabulary}), so an imported feed is understood without retraining.
 *
 * @param stops stops matched without asking the timetable; may be empty when a
 *              {@link id.kanal.dialog.port.ScheduleService} resolves names instead
 */
public record Vocabulary(List<Commodity> commodities, List<String> markets, List<Category> categories,
                         List<Stop> stops) {
    public Vocabulary {
        commodities = List.copyOf(Objects.requireNonNull(commodities, "commodities"));
        markets = List.copyOf(Objects.requireNonNull(markets, "markets"));
        categories = List.copyOf(Objects.requireNonNull(categories, "categories"));
        stops = List.copyOf(Objects.requireNonNull(stops, "stops"));
    }

    /** The built-in demo region, Kota Tangerang: used when no service is supplied. */
    public static Vocabulary tangerang() {
        return TANGERANG;
    }

    public Vocabulary withCommodities(List<Commodity> list) {
        return new Vocabulary(list, markets, categories, stops);
    }

    public Vocabulary withMarkets(List<String> list) {
        return new Vocabulary(commodities, list, categories, stops);
    }

    public Vocabulary withCategories(List<Category> list) {
        return new Vocabulary(commodities, markets, list, stops);
    }

    public Vocabulary withStops(List<Stop> list) {
        return new Vocabulary(commodities, markets, categories, list);
    }

    private static Commodity kg(String name, String... synonyms) {
        return new Commodity(name, "kg", List.of(synonyms));
    }

    private static Stop stop(String id, String name, String code) {
        return new Stop(id, name, Optional.ofNullable(code));
    }

    private static final Vocabulary TANGERANG = new Vocabulary(
            List.of(
                    kg("beras", "bras", "beras medium", "beras premium"),
                    new Commodity("minyak goreng", "liter", List.of("migor", "minyak", "minyakita")),
                    kg("gula pasir", "gula", "gulpas"),
                    kg("telur ayam", "telur", "telor", "telor ayam", "endog"),
                    kg("daging ayam", "ayam", "ayam potong", "daging ayam ras"),
                    kg("daging sapi", "sapi", "daging", "dging sapi"),
                    kg("cabai merah", "cabe merah", "cabe keriting", "cabai keriting", "lombok merah"),
                    kg("cabai rawit", "cabe rawit", "rawit", "cengek"),
                    kg("bawang merah", "bamer", "brambang"),
                    kg("bawang putih", "baput")),
            List.of("Pasar Anyar", "Pasar Lama", "Pasar Malabar", "Pasar Bandeng", "Pasar Sipon",
                    "Pasar Ciledug", "Pasar Cipadu", "Pasar Jatiuwung"),
            List.of(
                    new Category("SAMPAH", "Sampah dan kebersihan", "Rubbish and cleanliness",
                            "Dinas Lingkungan Hidup", List.of("sampah", "tps", "kotor", "bau", "rubbish", "garbage", "trash")),
                    new Category("DRAINASE", "Banjir dan saluran air", "Flooding and drains",
                            "Dinas Pekerjaan Umum dan Penataan Ruang",
                            List.of("banjir", "genangan", "selokan", "got", "gorong-gorong", "saluran", "mampet",
                                    "tersumbat", "flood", "flooding", "drain", "gutter")),
                    new Category("JALAN", "Jalan rusak", "Damaged roads", "Dinas Pekerjaan Umum dan Penataan Ruang",
                            List.of("jalan rusak", "jalan berlubang", "lubang", "aspal", "pothole", "road")),
                    new Category("PJU", "Penerangan jalan umum", "Street lighting", "Dinas Perhubungan",
                            List.of("pju", "lampu jalan", "lampu", "penerangan", "gelap", "street light", "streetlight", "lamp")),
                    new Category("POHON", "Pohon tumbang", "Fallen trees", "Dinas Perumahan, Permukiman dan Pertanahan",
                            List.of("pohon", "dahan", "ranting", "tree", "fallen tree")),
                    new Category("AIR", "Air bersih PDAM", "Water supply", "Perumda Tirta Benteng",
                            List.of("pdam", "air mati", "air keruh", "air bersih", "tirta", "water")),
                    new Category("KETERTIBAN", "Ketertiban umum", "Public order", "Satuan Polisi Pamong Praja",
                            List.of("pkl", "parkir liar", "parkir", "preman", "bising", "berisik", "noise", "parking"))),
            List.of(
                    stop("ST-TNG", "Stasiun Tangerang", "TNG"),
                    stop("ST-TTI", "Stasiun Tanah Tinggi", "TTI"),
                    stop("ST-BPR", "Stasiun Batu Ceper", "BPR"),
                    stop("ST-PI", "Stasiun Poris", "PI"),
                    stop("ST-KDS", "Stasiun Kalideres", "KDS"),
                    stop("ST-RW", "Stasiun Rawa Buaya", "RW"),
                    stop("ST-BOI", "Stasiun Bojong Indah", "BOI"),
                    stop("ST-TKO", "Stasiun Taman Kota", "TKO"),
                    stop("ST-PSG", "Stasiun Pesing", "PSG"),
                    stop("ST-GGL", "Stasiun Grogol", "GGL"),
                    stop("ST-DU", "Stasiun Duri", "DU"),
                    stop("ST-TNT", "Stasiun Tanah Abang", "THB"),
                    stop("ST-SUD", "Stasiun Sudirman", "SUD"),
                    stop("HT-PPL", "Terminal Poris Plawad", null),
                    stop("HT-CKL", "Halte Cikokol", null),
                    stop("HT-TGC", "Halte Tangerang City", null),
                    stop("HT-ALS", "Halte Alam Sutera", null),
                    stop("HT-BTR", "Halte Bitung", null),
                    stop("HT-JTU", "Halte Jatiuwung", null),
                    stop("HT-CBD", "Halte Cibodas", null),
                    stop("HT-PRK", "Halte Perumnas Karawaci", null),
                    stop("HT-BDR", "Terminal Bandara Soekarno-Hatta", null)));
}
