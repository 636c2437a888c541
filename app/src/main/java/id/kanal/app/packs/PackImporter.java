package id.kanal.app.packs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kanal.store.Database;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Stores a pack folder for a region in one transaction: both files are read and checked first, then
 * the pack's previous items are replaced by the new ones. A bad row rejects the folder with a
 * {@link PackImportException} naming it; nothing changes then. A pack keeps its menu place when
 * imported again; a new one goes last.
 */
public final class PackImporter {
    private static final System.Logger LOG = System.getLogger(PackImporter.class.getName());
    static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;
    private final Clock clock;
    private final ZoneId zone;
    private final Runnable onImported;

    /** @param onImported called after each import that stored something, e.g. to reload the packs */
    public PackImporter(Database db, Clock clock, ZoneId zone, Runnable onImported) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.onImported = Objects.requireNonNull(onImported, "onImported");
    }

    /**
     * @param source recorded with the pack ("import-pack", "example"), shown in the console
     * @throws PackImportException when a file is missing or bad; nothing was stored
     */
    public PackImportResult importPack(String region, PackSource folder, String source) {
        long start = System.nanoTime();
        String yaml = folder.read(PackSource.DEFINITION).orElseThrow(() ->
                new PackImportException(PackSource.DEFINITION, 0, "missing in " + folder.name()));
        String csv = folder.read(PackSource.ITEMS).orElseThrow(() ->
                new PackImportException(PackSource.ITEMS, 0, "missing in " + folder.name()));
        PackDefinition d = PackParser.definition(yaml);
        List<Map<String, String>> items = PackParser.items(csv, d);
        db.inTransaction(c -> {
            write(c, region, d, yaml, items, source);
            return null;
        });
        onImported.run();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        int expired = d.expires().map(field -> (int) items.stream()
                .filter(i -> LocalDate.parse(i.get(field)).isBefore(today)).count()).orElse(0);
        PackImportResult result = new PackImportResult(region, d.code(), items.size(), expired,
                Duration.ofNanos(System.nanoTime() - start));
        LOG.log(System.Logger.Level.INFO, "pack imported region={0} pack={1} items={2} source={3}", region, d.code(),
                String.valueOf(items.size()), source);
        return result;
    }

    private void write(Connection c, String region, PackDefinition d, String yaml, List<Map<String, String>> items,
                       String source) throws SQLException {
        int position;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT position FROM content_pack WHERE region = ? AND code = ?")) {
            ps.setString(1, region);
            ps.setString(2, d.code());
            try (ResultSet rs = ps.executeQuery()) {
                position = rs.next() ? rs.getInt(1) : -1;
            }
        }
        if (position < 0) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COALESCE(MAX(position), 0) + 1 FROM content_pack WHERE region = ?")) {
                ps.setString(1, region);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    position = rs.getInt(1);
                }
            }
        }
        for (String sql : List.of("DELETE FROM content_pack_item WHERE region = ? AND pack = ?",
                "DELETE FROM content_pack WHERE region = ? AND code = ?")) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, region);
                ps.setString(2, d.code());
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO content_pack (region, code, position, definition, "
                + "source, example, item_count, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, region);
            ps.setString(2, d.code());
            ps.setInt(3, position);
            ps.setString(4, yaml);
            ps.setString(5, source);
            ps.setInt(6, d.example() ? 1 : 0);
            ps.setInt(7, items.size());
            ps.setLong(8, clock.millis());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO content_pack_item (region, pack, line, fields) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < items.size(); i++) {
                ps.setString(1, region);
                ps.setString(2, d.code());
                ps.setInt(3, i + 1);
                ps.setString(4, json(items.get(i)));
                ps.addBatch();
            }
            if (!items.isEmpty()) {
                ps.executeBatch();
            }
        }
    }

    private static String json(Map<String, String> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
