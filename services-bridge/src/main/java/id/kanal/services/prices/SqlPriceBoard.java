package id.kanal.services.prices;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import id.kanal.dialog.port.Commodity;
import id.kanal.dialog.port.PriceQuote;
import id.kanal.dialog.port.PriceService;
import id.kanal.dialog.port.ServiceUnavailableException;
import id.kanal.store.Database;
import id.kanal.store.DatabaseException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The price board over the database, with a Caffeine cache in front that every import clears
 * ({@link #invalidate()}). Names are matched case-insensitively; a commodity may be asked by a
 * synonym ("cabe rawit"). Freshness: {@link #isStale(PriceQuote)} is true when a quote's date
 * is more than {@code staleAfterDays} days before today in the region's time zone, so the dialog can say
 * "harga per 16 Nov 2025" plainly instead of passing old data off as today's.
 */
public final class SqlPriceBoard implements PriceService {
    private static final String ALL = "*";
    private static final java.time.Duration CROSS_NODE_STALENESS = java.time.Duration.ofMinutes(1);

    private final Database db;
    private final CommodityCatalog catalog;
    private final Clock clock;
    private final int staleAfterDays;
    private final ZoneId zone;
    /** The region whose prices this board quotes ({@code ''}: a database of one region, as before regions). */
    private final String region;
    private final LoadingCache<String, Optional<Quotes>> histories;
    private final LoadingCache<String, Catalogue> catalogue;

    /**
     * A commodity's history with the answers every price question reads worked out once, when it is
     * loaded: the region-wide quote (a median over the markets when the feed has none) and the
     * markets' latest quotes, cheapest first. Built per question they were a fifth of a price turn.
     */
    private record Quotes(PriceHistory history, Optional<PriceQuote> regionWide, List<PriceQuote> byMarket) {
        static Quotes of(PriceHistory h) {
            List<PriceQuote> byMarket = h.byMarket().entrySet().stream()
                    .filter(e -> !e.getKey().isEmpty())
                    .flatMap(e -> quote(h, Optional.of(e.getKey()), e.getValue()).stream())
                    .sorted(Comparator.comparingLong(PriceQuote::rupiah).thenComparing(q -> q.market().orElse("")))
                    .toList();
            return new Quotes(h, quote(h, Optional.empty(), h.regionWide()), byMarket);
        }
    }

    private record Catalogue(List<Commodity> commodities, List<String> markets, Map<String, String> names) {
    }

    /**
     * @param staleAfterDays a quote older than this many days is stale (config {@code prices.stale-after-days}, e.g. 3)
     * @param zone           where "today" is counted (config {@code dialog.zone}, e.g. Asia/Jakarta)
     */
    public SqlPriceBoard(Database db, CommodityCatalog catalog, Clock clock, int staleAfterDays, ZoneId zone) {
        this(db, catalog, clock, staleAfterDays, zone, "");
    }

    /** A region's board: it quotes that region's prices only (a deployment of several regions has one each). */
    public SqlPriceBoard(Database db, CommodityCatalog catalog, Clock clock, int staleAfterDays, ZoneId zone,
                         String region) {
        this.region = java.util.Objects.requireNonNull(region, "region");
        if (staleAfterDays < 0) {
            throw new IllegalArgumentException("staleAfterDays must be >= 0: " + staleAfterDays);
        }
        this.db = db;
        this.catalog = catalog;
        this.clock = clock;
        this.staleAfterDays = staleAfterDays;
        this.zone = java.util.Objects.requireNonNull(zone, "zone");
        // Imports on this node clear the cache at once; the expiry bounds how long another node
        // (PostgreSQL, several servers) answers from prices imported elsewhere.
        this.histories = Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(CROSS_NODE_STALENESS).build(this::loadHistory);
        this.catalogue = Caffeine.newBuilder().maximumSize(1).expireAfterWrite(CROSS_NODE_STALENESS).build(k -> loadCatalogue());
    }

    /** The region whose prices this board quotes; importers made {@link PriceImporter#forBoard for it} write them. */
    public String region() {
        return region;
    }

    public CommodityCatalog catalog() {
        return catalog;
    }

    /** Drops every cached answer; importers call it after each committed import. */
    public void invalidate() {
        histories.invalidateAll();
        catalogue.invalidateAll();
    }

    public int staleAfterDays() {
        return staleAfterDays;
    }

    /** The time zone "today" is counted in. */
    public ZoneId zone() {
        return zone;
    }

    /** Days between the quote's date and today (in {@link #zone()}). */
    public long ageDays(PriceQuote quote) {
        return ageDays(quote.date());
    }

    /** Days between a survey day and today (in {@link #zone()}). */
    public long ageDays(LocalDate day) {
        return ChronoUnit.DAYS.between(day, LocalDate.now(clock.withZone(zone)));
    }

    /** True when the quote is older than the configured number of days: the reply should state its date. */
    public boolean isStale(PriceQuote quote) {
        return ageDays(quote) > staleAfterDays;
    }

    @Override
    public List<Commodity> commodities() {
        return cached(() -> catalogue.get(ALL).commodities());
    }

    @Override
    public List<String> markets() {
        return cached(() -> catalogue.get(ALL).markets());
    }

    @Override
    public Optional<PriceQuote> latest(String commodity, Optional<String> market) {
        return cached(() -> history(commodity).flatMap(q -> {
            if (market.isEmpty()) {
                return q.regionWide();
            }
            PriceHistory h = q.history();
            String key = market.get().trim();
            return h.byMarket().entrySet().stream()
                    .filter(e -> !e.getKey().isEmpty() && e.getKey().equalsIgnoreCase(key))
                    .findFirst()
                    .flatMap(e -> quote(h, Optional.of(e.getKey()), e.getValue()));
        }));
    }

    @Override
    public List<PriceQuote> latestByMarket(String commodity) {
        return cached(() -> history(commodity).map(Quotes::byMarket).orElse(List.of()));
    }

    /**
     * The newest survey day of each commodity on the board, by canonical name in name order: how
     * fresh the board is, for an administrator (the console's Prices page). Read from the database
     * each time, not cached: it is asked once per page view, right after an import.
     */
    public java.util.SortedMap<String, LocalDate> newestDays() {
        return db.read(c -> {
            var out = new TreeMap<String, LocalDate>();
            // Days are ISO dates stored as text, so MAX is the newest day on SQLite and PostgreSQL alike.
            try (var s = c.prepareStatement("SELECT commodity, MAX(day) FROM price WHERE region_code = ? GROUP BY commodity")) {
                s.setString(1, region);
                try (var rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), LocalDate.parse(rs.getString(2)));
                    }
                }
            }
            return out;
        });
    }

    /** The cheapest market's latest price (the first of {@link #latestByMarket}). */
    public Optional<PriceQuote> cheapest(String commodity) {
        List<PriceQuote> all = latestByMarket(commodity);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getFirst());
    }

    /** The dearest market's latest price. */
    public Optional<PriceQuote> dearest(String commodity) {
        List<PriceQuote> all = latestByMarket(commodity);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
    }

    private static Optional<PriceQuote> quote(PriceHistory h, Optional<String> market, NavigableMap<LocalDate, Long> series) {
        if (series.isEmpty()) {
            return Optional.empty();
        }
        var last = series.lastEntry();
        return Optional.of(new PriceQuote(h.commodity(), market, h.unit(), last.getValue(), last.getKey(),
                PriceHistory.weekEarlier(series, last.getKey())));
    }

    private Optional<Quotes> history(String commodity) {
        String name = catalogue.get(ALL).names().get(CommodityCatalog.key(commodity));
        return name == null ? Optional.empty() : histories.get(name);
    }

    private Optional<Quotes> loadHistory(String commodity) {
        return readHistory(commodity).map(Quotes::of);
    }

    private Optional<PriceHistory> readHistory(String commodity) {
        return db.read(c -> {
            String unit;
            try (var s = c.prepareStatement("SELECT unit FROM price_commodity WHERE name = ?")) {
                s.setString(1, commodity);
                try (var rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    unit = rs.getString(1);
                }
            }
            Map<String, NavigableMap<LocalDate, Long>> byMarket = new HashMap<>();
            try (var s = c.prepareStatement("SELECT market, day, rupiah FROM price WHERE region_code = ? AND commodity = ?")) {
                s.setString(1, region);
                s.setString(2, commodity);
                try (var rs = s.executeQuery()) {
                    while (rs.next()) {
                        byMarket.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                                .put(LocalDate.parse(rs.getString(2)), rs.getLong(3));
                    }
                }
            }
            return Optional.of(new PriceHistory(commodity, unit, Map.copyOf(byMarket)));
        });
    }

    private Catalogue loadCatalogue() {
        return db.read(c -> {
            List<Commodity> commodities = new ArrayList<>();
            Map<String, String> names = new HashMap<>();
            // The commodities and markets this region quotes (the commodity table is the deployment's).
            try (var s = c.prepareStatement("SELECT name, unit, synonyms FROM price_commodity "
                    + "WHERE name IN (SELECT commodity FROM price WHERE region_code = ?) ORDER BY name")) {
                s.setString(1, region);
                try (var rs = s.executeQuery()) {
                    while (rs.next()) {
                        String name = rs.getString(1);
                        List<String> synonyms = rs.getString(3).isEmpty() ? List.of()
                                : Arrays.asList(rs.getString(3).split("\\|"));
                        commodities.add(new Commodity(name, rs.getString(2), synonyms));
                        names.put(name, name);
                        synonyms.forEach(syn -> names.putIfAbsent(CommodityCatalog.key(syn), name));
                    }
                }
            }
            // Feed spellings ("Cabai Rawit Merah") and catalog synonyms resolve too.
            commodities.forEach(cm -> names.putIfAbsent(CommodityCatalog.key(cm.name()), cm.name()));
            List<String> markets = new ArrayList<>();
            try (var s = c.prepareStatement("SELECT DISTINCT market FROM price WHERE region_code = ? AND market <> '' "
                    + "ORDER BY market")) {
                s.setString(1, region);
                try (var rs = s.executeQuery()) {
                    while (rs.next()) {
                        markets.add(rs.getString(1));
                    }
                }
            }
            return new Catalogue(List.copyOf(commodities), List.copyOf(markets), new CanonicalNames(names, catalog));
        });
    }

    /** Looks a name up as stored, else through the catalog's aliases (feed names, synonyms). */
    private static final class CanonicalNames extends HashMap<String, String> {
        private final CommodityCatalog catalog;

        CanonicalNames(Map<String, String> names, CommodityCatalog catalog) {
            super(names);
            this.catalog = catalog;
        }

        @Override
        public String get(Object key) {
            String direct = super.get(key);
            return direct != null ? direct : super.get(catalog.canonical(((String) key).toLowerCase(Locale.ROOT)));
        }
    }

    private static <T> T cached(java.util.function.Supplier<T> query) {
        try {
            return query.get();
        } catch (DatabaseException e) {
            throw new ServiceUnavailableException("price board unavailable", e);
        }
    }
}
