package id.kanal.services.live;

import id.kanal.services.Median;
import id.kanal.services.complaints.RegionDefinition;
import id.kanal.store.Database;
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
    /** CAST: on PostgreSQL an INTEGER times an integer literal overflows past 24 days. */
    private static final String COUNTS = "SELECT c.agency_code, COALESCE(a.name, c.agency_code), c.category_code, "
            + "k.name_id, c.status, COUNT(*), "
            + "SUM(CASE WHEN c.filed_at + k.resolution_days * CAST(" + DAY + " AS BIGINT) < ? THEN 1 ELSE 0 END) "
            + "FROM complaint c JOIN category k ON k.code = c.category_code "
            + "LEFT JOIN agency a ON a.code = c.agency_code WHERE c.ticket LIKE ? "
            + "GROUP BY c.agency_code, a.name, c.category_code, k.name_id, c.status";
    /** A complaint resolved, reopened and resolved again counts from filing to its last resolution. */
    private static final String RESOLUTIONS = "SELECT c.filed_at, MAX(h.changed_at) FROM complaint c "
            + "JOIN complaint_history h ON h.ticket = c.ticket AND h.status = 'RESOLVED' "
            + "WHERE c.ticket LIKE ? AND c.status = 'RESOLVED' GROUP BY c.ticket, c.filed_at HAVING MAX(h.changed_at) >= ?";

    private final Database db;
    private final Clock clock;
    private final Map<String, RegionDefinition> regions = new LinkedHashMap<>();
    private final long cacheMillis;
    private final Map<String, LiveFigures> cache = new ConcurrentHashMap<>();

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
        long now = clock.millis();
        LiveFigures cached = cache.get(regionCode);
        if (cached != null && now - cached.generatedAt() < cacheMillis && now >= cached.generatedAt()) {
            return Optional.of(cached);
        }
        LiveFigures fresh = db.read(c -> compute(c, region, now));
        cache.put(regionCode, fresh);
        return Optional.of(fresh);
    }

    private static LiveFigures compute(Connection c, RegionDefinition region, long now) throws SQLException {
        String tickets = region.ticketPrefix() + "-%";
        Map<String, Named> agencies = new LinkedHashMap<>();
        region.agencies().forEach(a -> agencies.put(a.code(), new Named(a.name())));
        Map<String, Named> categories = new LinkedHashMap<>();
        region.categories().forEach(k -> categories.put(k.code(), new Named(k.nameId())));
        Tally total = Tally.ZERO;
        for (Count n : Statements.list(c, COUNTS, Count::read, now, tickets)) {
            Tally t = Tally.of(n.status, n.count, n.overdue);
            total = total.plus(t);
            agencies.computeIfAbsent(n.agency, k -> new Named(n.agencyName)).add(t);
            categories.computeIfAbsent(n.category, k -> new Named(n.categoryName)).add(t);
        }
        List<Long> days = Statements.list(c, RESOLUTIONS, rs -> rs.getLong(2) - rs.getLong(1), tickets, now - 30 * DAY);
        return new LiveFigures(region.code(), region.name(), now, total, rows(agencies), rows(categories),
                days.size(), medianDays(days));
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

    private record Count(String agency, String agencyName, String category, String categoryName, String status,
                         long count, long overdue) {
        static Count read(java.sql.ResultSet rs) throws SQLException {
            return new Count(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getLong(6), rs.getLong(7));
        }
    }
}
