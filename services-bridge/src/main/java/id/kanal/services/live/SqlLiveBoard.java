package id.kanal.services.live;

import id.kanal.services.Median;
import id.kanal.services.complaints.RegionDefinition;
import id.kanal.store.Database;
import id.kanal.store.DatabaseException;
import id.kanal.store.Statements;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link LiveBoard} over the complaint tables. A region's complaints are those whose ticket carries
 * its prefix (prefixes are unique in a deployment). Only codes, names of agencies and categories,
 * and counts leave this class: never a location, a description or a reporter. Figures are kept
 * for {@code cacheFor}, so a hundred screens polling cost one query per region each time.
 */
public final class SqlLiveBoard implements LiveBoard {
    private static final long DAY = 86_400_000L;
    /**
     * Grouped by codes only (names come from the region's definition, or the small code tables):
     * grouping by names too doubled the time on SQLite. CAST: on PostgreSQL an INTEGER times an
     * integer literal overflows past 24 days.
     */
    private static final String COUNTS = "SELECT c.agency_code, c.category_code, c.status, COUNT(*), "
            + "SUM(CASE WHEN c.filed_at + k.resolution_days * CAST(" + DAY + " AS BIGINT) < ? THEN 1 ELSE 0 END) "
            + "FROM complaint c JOIN category k ON k.code = c.category_code WHERE c.ticket LIKE ? "
            + "GROUP BY c.agency_code, c.category_code, c.status";
    /**
     * A complaint resolved, reopened and resolved again counts from filing to its last resolution;
     * only resolutions since the window's start are read (its last one is among them when it counts).
     */
    private static final String RESOLUTIONS = "SELECT c.filed_at, MAX(h.changed_at) FROM complaint_history h "
            + "JOIN complaint c ON c.ticket = h.ticket WHERE h.status = 'RESOLVED' AND h.changed_at >= ? "
            + "AND c.ticket LIKE ? AND c.status = 'RESOLVED' GROUP BY c.ticket, c.filed_at";

    private final Database db;
    private final Clock clock;
    private final Map<String, RegionDefinition> regions = new LinkedHashMap<>();
    private final long cacheMillis;
    private final Map<String, LiveFigures> cache = new ConcurrentHashMap<>();
    /** One computation per region at a time: screens asking while it runs wait for its result. */
    private final Map<String, Object> computing = new ConcurrentHashMap<>();

    public SqlLiveBoard(Database db, Clock clock, List<RegionDefinition> regions, Duration cacheFor) {
        this.db = db;
        this.clock = clock;
        regions.forEach(r -> this.regions.put(r.code(), r));
        this.cacheMillis = cacheFor.toMillis();
    }

    @Override
    public List<LiveRegion> regions() {
        return regions.values().stream().map(r -> new LiveRegion(r.code(), r.name())).toList();
    }

    @Override
    public Optional<LiveFigures> figures(String regionCode) {
        RegionDefinition region = regions.get(regionCode);
        if (region == null) {
            return Optional.empty();
        }
        Optional<LiveFigures> cached = fresh(regionCode);
        if (cached.isPresent()) {
            return cached;
        }
        synchronized (computing.computeIfAbsent(regionCode, k -> new Object())) {
            cached = fresh(regionCode);
            if (cached.isPresent()) {
                return cached;
            }
            long now = clock.millis();
            LiveFigures computed = db.read(c -> compute(c, region, now));
            cache.put(regionCode, computed);
            return Optional.of(computed);
        }
    }

    private Optional<LiveFigures> fresh(String regionCode) {
        long now = clock.millis();
        LiveFigures cached = cache.get(regionCode);
        boolean fresh = cached != null && now - cached.generatedAt() < cacheMillis && now >= cached.generatedAt();
        return fresh ? Optional.of(cached) : Optional.empty();
    }

    private static LiveFigures compute(Connection c, RegionDefinition region, long now) throws SQLException {
        String tickets = region.ticketPrefix() + "-%";
        Map<String, Named> agencies = new LinkedHashMap<>();
        region.agencies().forEach(a -> agencies.put(a.code(), new Named(a.name())));
        Map<String, Named> categories = new LinkedHashMap<>();
        region.categories().forEach(k -> categories.put(k.code(), new Named(k.nameId())));
        Tally total = Tally.ZERO;
        List<Count> counts = Statements.list(c, COUNTS, Count::read, now, tickets);
        for (Count n : counts) {
            Tally t = Tally.of(n.status, n.count, n.overdue);
            total = total.plus(t);
            // A code the region file no longer names (an agency removed since) keeps its stored name.
            agencies.computeIfAbsent(n.agency, k -> new Named(storedName(c, "SELECT name FROM agency WHERE code = ?", k)))
                    .add(t);
            categories.computeIfAbsent(n.category, k -> new Named(storedName(c,
                    "SELECT name_id FROM category WHERE code = ?", k))).add(t);
        }
        List<Long> days = Statements.list(c, RESOLUTIONS, rs -> rs.getLong(2) - rs.getLong(1), now - 30 * DAY, tickets);
        return new LiveFigures(region.code(), region.name(), now, total, rows(agencies), rows(categories),
                days.size(), medianDays(days));
    }

    private static String storedName(Connection c, String sql, String code) {
        try {
            return Statements.first(c, sql, rs -> rs.getString(1), code).orElse(code);
        } catch (SQLException e) {
            throw new DatabaseException("reading the name of " + code, e);
        }
    }

    /** The median of millisecond durations in days, one decimal; null without samples. */
    static Double medianDays(List<Long> millis) {
        OptionalDouble ms = Median.of(millis);
        return ms.isEmpty() ? null : Math.round(ms.getAsDouble() / (DAY / 10.0)) / 10.0;
    }

    private static List<LiveRow> rows(Map<String, Named> named) {
        return named.entrySet().stream().map(e -> new LiveRow(e.getKey(), e.getValue().name, e.getValue().tally)).toList();
    }

    /** A name and the tally added up under it. */
    private static final class Named {
        final String name;
        Tally tally = Tally.ZERO;

        Named(String name) {
            this.name = name;
        }

        void add(Tally t) {
            tally = tally.plus(t);
        }
    }

    private record Count(String agency, String category, String status, long count, long overdue) {
        static Count read(java.sql.ResultSet rs) throws SQLException {
            return new Count(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5));
        }
    }
}
