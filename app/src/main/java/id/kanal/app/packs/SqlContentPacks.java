package id.kanal.app.packs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import id.kanal.dialog.Language;
import id.kanal.dialog.port.ContentPacks;
import id.kanal.dialog.port.Pack;
import id.kanal.intents.Example;
import id.kanal.store.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A region's stored packs, in menu order, held in memory: the dialog reads them every turn. An
 * import in this process reloads them at once ({@link #reload()}); one by another process
 * ({@code import-pack} beside a running server) is seen within {@link #RELOAD_EVERY}.
 */
public final class SqlContentPacks implements ContentPacks {
    private static final System.Logger LOG = System.getLogger(SqlContentPacks.class.getName());
    static final Duration RELOAD_EVERY = Duration.ofMinutes(1);
    private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() {
    };

    private final Database db;
    private final String region;
    private final Clock clock;
    private volatile Loaded loaded;

    private record Stored(PackDefinition definition, Pack pack, PackFreshness freshness) {
    }

    /** {@code shown}: the packs themselves, listed once per load (the menu asks on every turn whether there are any). */
    private record Loaded(List<Stored> packs, List<Pack> shown, Instant at) {
        Loaded(List<Stored> packs, Instant at) {
            this(packs, packs.stream().map(Stored::pack).toList(), at);
        }
    }

    public SqlContentPacks(Database db, String region, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.region = Objects.requireNonNull(region, "region");
        this.clock = Objects.requireNonNull(clock, "clock");
        reload();
    }

    @Override
    public List<Pack> packs() {
        return current().shown();
    }

    /** The stored packs' definitions, in menu order. */
    public List<PackDefinition> definitions() {
        return current().packs().stream().map(Stored::definition).toList();
    }

    /** Each pack's import time, source and size, for the console. */
    public List<PackFreshness> freshness() {
        return current().packs().stream().map(Stored::freshness).toList();
    }

    /** What the intent classifier learns the packs from: each pack's words and training sentences. */
    public List<Example> training() {
        return training(definitions());
    }

    static List<Example> training(List<PackDefinition> definitions) {
        List<Example> out = new ArrayList<>();
        for (PackDefinition d : definitions) {
            d.words().forEach(w -> out.add(Example.of(d.intent(), w)));
            d.training().values().forEach(list -> list.forEach(t -> out.add(Example.of(d.intent(), t))));
        }
        return out;
    }

    public void reload() {
        loaded = new Loaded(db.read(this::select), clock.instant());
    }

    private Loaded current() {
        Loaded l = loaded;
        if (clock.instant().isAfter(l.at().plus(RELOAD_EVERY))) {
            try {
                reload();
            } catch (RuntimeException e) {
                // The packs in memory still answer; the next turn tries again.
                LOG.log(System.Logger.Level.WARNING, "packs not reloaded: {0}", e.toString());
                loaded = new Loaded(l.packs(), l.shown(), clock.instant());
            }
            l = loaded;
        }
        return l;
    }

    private List<Stored> select(Connection c) throws SQLException {
        Map<String, List<Map<String, String>>> items = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT pack, fields FROM content_pack_item WHERE region = ? ORDER BY pack, line")) {
            ps.setString(1, region);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(fields(rs.getString(2)));
                }
            }
        }
        List<Stored> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT code, definition, source, example, item_count, imported_at "
                + "FROM content_pack WHERE region = ? ORDER BY position")) {
            ps.setString(1, region);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String code = rs.getString(1);
                    PackDefinition d;
                    try {
                        d = PackParser.definition(rs.getString(2));
                    } catch (PackImportException e) {
                        // Stored by an older version that read it differently: skip it, never fail the start.
                        LOG.log(System.Logger.Level.ERROR, "stored pack not readable region={0} pack={1}: {2}", region,
                                code, e.getMessage());
                        continue;
                    }
                    out.add(new Stored(d, d.withItems(items.getOrDefault(code, List.of())), new PackFreshness(code,
                            d.menu().get(Language.ID), d.menu().get(Language.EN), rs.getInt(5), rs.getString(3),
                            rs.getInt(4) == 1, Instant.ofEpochMilli(rs.getLong(6)))));
                }
            }
        }
        return List.copyOf(out);
    }

    private static Map<String, String> fields(String json) {
        try {
            return PackImporter.JSON.readValue(json, FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bad stored pack item: " + e.getOriginalMessage(), e);
        }
    }
}
