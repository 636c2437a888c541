package id.kanal.services.prices;

import id.kanal.store.Database;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Imports a price CSV onto the board in one transaction: the whole file or nothing. Re-importing
 * a file changes nothing (prices are keyed by commodity, market and day). A bad row rejects the
 * file with a {@link PriceImportException} naming the row. Usable from the command line (a file
 * and a progress printer) and from HTTP (the request body as a Reader).
 */
public final class PriceImporter {
    /** The source name of the built-in demo prices (see DemoData): the first real import removes them. */
    public static final String DEMO_SOURCE = "demo";
    private static final System.Logger LOG = System.getLogger(PriceImporter.class.getName());
    private static final int BATCH = 1000;

    private final Database db;
    private final CommodityCatalog catalog;
    private final Clock clock;
    private final Runnable onImported;
    /** The region the prices are quoted in ({@code ''}: a database of one region, see {@link SqlPriceBoard#region()}). */
    private final String region;

    /**
     * @param onImported called after every successful import, e.g. {@code board::invalidate}
     */
    public PriceImporter(Database db, CommodityCatalog catalog, Clock clock, Runnable onImported) {
        this(db, catalog, clock, "", onImported);
    }

    /** An importer of one region's prices (its board is {@code new SqlPriceBoard(..., region)}). */
    public PriceImporter(Database db, CommodityCatalog catalog, Clock clock, String region, Runnable onImported) {
        this.region = Objects.requireNonNull(region, "region");
        this.db = Objects.requireNonNull(db, "db");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onImported = Objects.requireNonNull(onImported, "onImported");
    }

    /** An importer feeding a board: the board's cache is cleared by every import. */
    public static PriceImporter forBoard(Database db, SqlPriceBoard board, Clock clock) {
        return new PriceImporter(db, board.catalog(), clock, board.region(), board::invalidate);
    }

    public ImportResult importFile(Path file, IntConsumer progress) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return importCsv(reader, file.getFileName().toString(), progress);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * The first real price file replaces the built-in demo prices (and the demo's markets and
     * commodities no real price uses), in the import's transaction: demo never sits beside real data.
     */
    private void removeDemo(Connection c) throws SQLException {
        try (PreparedStatement demo = c.prepareStatement("DELETE FROM price WHERE source = ? AND region_code = ?")) {
            demo.setString(1, DEMO_SOURCE);
            demo.setString(2, region);
            if (demo.executeUpdate() == 0) {
                return;
            }
        }
        try (var s = c.createStatement()) {
            s.executeUpdate("DELETE FROM price_commodity WHERE name NOT IN (SELECT commodity FROM price)");
            s.executeUpdate("DELETE FROM price_market WHERE name NOT IN (SELECT market FROM price)");
        }
        // Made-up prices are no reference for the region's price alerts: its first real prices set the marks.
        try (PreparedStatement marks = c.prepareStatement("DELETE FROM price_alert_mark WHERE region_code = ?")) {
            marks.setString(1, region);
            marks.executeUpdate();
        }
        LOG.log(System.Logger.Level.INFO, "demo prices removed by the first real import");
    }

    /**
     * Imports one CSV.
     *
     * @param source   a name recorded with every price (a file name, "http")
     * @param progress called with the number of rows stored so far, every 1000 rows and at the end
     * @throws PriceImportException when a row is bad; nothing was imported
     */
    public ImportResult importCsv(Reader csv, String source, IntConsumer progress) {
        long start = System.nanoTime();
        PriceCsvParser.Parsed parsed = new PriceCsvParser(catalog).parse(csv);
        long now = clock.millis();
        IntConsumer safe = n -> {
            try {
                progress.accept(n);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "progress listener failed", e); // never fails the import
            }
        };
        int[] counts = db.inTransaction(c -> write(c, parsed.rows(), source, now, safe));
        onImported.run();
        ImportResult result = new ImportResult(parsed.format(), parsed.rows().size() + parsed.skipped(),
                counts[0], counts[1], parsed.skipped(), Duration.ofNanos(System.nanoTime() - start));
        LOG.log(System.Logger.Level.INFO, () -> "prices imported source=" + source + " format=" + result.format() + " rows="
                + result.rows() + " changed=" + result.changed() + " unchanged=" + result.unchanged() + " skipped=" + result.skipped());
        return result;
    }

    private int[] write(Connection c, List<PriceRow> rows, String source, long now, IntConsumer progress)
            throws SQLException {
        if (!source.equals(DEMO_SOURCE)) {
            removeDemo(c);
        }
        Set<String> commodities = new LinkedHashSet<>();
        Set<String> markets = new LinkedHashSet<>();
        try (PreparedStatement unit = c.prepareStatement("SELECT unit FROM price_commodity WHERE name = ?");
             PreparedStatement insertCommodity = c.prepareStatement(
                     "INSERT INTO price_commodity (name, unit, synonyms) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING");
             PreparedStatement insertMarket = c.prepareStatement(
                     "INSERT INTO price_market (name) VALUES (?) ON CONFLICT (name) DO NOTHING")) {
            for (PriceRow row : rows) {
                if (commodities.add(row.commodity())) {
                    unit.setString(1, row.commodity());
                    try (var rs = unit.executeQuery()) {
                        if (rs.next() && !rs.getString(1).equals(row.unit())) {
                            throw new PriceImportException(row.line(), "unit '" + row.unit() + "' for "
                                    + row.commodity() + " differs from the board's unit '" + rs.getString(1) + "'");
                        }
                    }
                    insertCommodity.setString(1, row.commodity());
                    insertCommodity.setString(2, row.unit());
                    insertCommodity.setString(3, String.join("|", catalog.synonyms(row.commodity())));
                    insertCommodity.executeUpdate();
                }
                if (!row.market().isEmpty() && markets.add(row.market())) {
                    insertMarket.setString(1, row.market());
                    insertMarket.executeUpdate();
                }
            }
        }
        int changed = 0;
        // The WHERE makes an unchanged price a no-op (update count 0), so a re-import reports 0 changed.
        try (PreparedStatement upsert = c.prepareStatement("""
                INSERT INTO price (commodity, market, day, rupiah, source, imported_at, region_code)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (region_code, commodity, market, day) DO UPDATE
                SET rupiah = excluded.rupiah, source = excluded.source, imported_at = excluded.imported_at
                WHERE price.rupiah <> excluded.rupiah""")) {
            int pending = 0;
            for (int i = 0; i < rows.size(); i++) {
                PriceRow row = rows.get(i);
                upsert.setString(1, row.commodity());
                upsert.setString(2, row.market());
                upsert.setString(3, row.day().toString());
                upsert.setLong(4, row.rupiah());
                upsert.setString(5, source);
                upsert.setLong(6, now);
                upsert.setString(7, region);
                upsert.addBatch();
                if (++pending == BATCH || i == rows.size() - 1) {
                    for (int n : upsert.executeBatch()) {
                        changed += n > 0 ? 1 : 0;
                    }
                    pending = 0;
                    progress.accept(i + 1);
                }
            }
        }
        if (rows.isEmpty()) {
            progress.accept(0);
        }
        return new int[]{changed, rows.size() - changed};
    }
}
