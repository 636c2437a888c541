package id.kanal.services.console;

import id.kanal.services.Median;
import id.kanal.store.Database;
import id.kanal.store.Statements;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.OptionalDouble;

/**
 * {@link Dashboard} over the complaint, message, conversation and handoff tables; days and weeks
 * in the region's time zone; medians by {@link Median}.
 */
public final class SqlDashboard implements Dashboard {
    private static final long DAY = 86_400_000L;

    private final Database db;
    private final Clock clock;
    private final ZoneId zone;

    private final java.util.Optional<RegionScope> region;

    public SqlDashboard(Database db, Clock clock, ZoneId zone) {
        this(db, clock, zone, java.util.Optional.empty());
    }

    private SqlDashboard(Database db, Clock clock, ZoneId zone, java.util.Optional<RegionScope> region) {
        this.db = db;
        this.clock = clock;
        this.zone = zone;
        this.region = region;
    }

    /** The figures of one region only (its complaints, categories, agencies, residents), in its time zone. */
    public SqlDashboard of(RegionScope scope, ZoneId regionZone) {
        return new SqlDashboard(db, clock, regionZone, java.util.Optional.of(scope));
    }

    @Override
    public DashboardFigures figures() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        long dayStart = today.atStartOfDay(zone).toInstant().toEpochMilli();
        long weekStart = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone)
                .toInstant().toEpochMilli();
        long since = clock.millis() - 30L * DAY;
        return new DashboardFigures(clock.millis(),
                counts("SELECT status, status, COUNT(*) FROM complaint c" + where("c", RegionScope::complaints)
                        + " GROUP BY status ORDER BY status"),
                counts("SELECT k.code, k.name_id, COUNT(c.ticket) FROM category k LEFT JOIN complaint c "
                        + "ON c.category_code = k.code" + where("k", RegionScope::owned)
                        + " GROUP BY k.code, k.name_id, k.position ORDER BY k.position"),
                counts("SELECT a.code, a.name, COUNT(c.ticket) FROM agency a LEFT JOIN complaint c "
                        + "ON c.agency_code = a.code" + where("a", RegionScope::owned) + " GROUP BY a.code, a.name ORDER BY a.name"),
                counts(messagesSince(dayStart)),
                counts(messagesSince(weekStart)),
                single("SELECT COUNT(*) FROM conversation v WHERE mode <> 'bot' AND mode = 'queued'" + and("v", RegionScope::residents)),
                single("SELECT COUNT(*) FROM conversation v WHERE mode <> 'bot' AND mode = 'agent'" + and("v", RegionScope::residents)),
                median("SELECT first_answer_at - queued_at FROM handoff_log l "
                        + "WHERE first_answer_at IS NOT NULL AND taken_at >= " + since + and("l", RegionScope::residents)),
                hours(median("SELECT MIN(h.changed_at) - c.filed_at FROM complaint c "
                        + "JOIN complaint_history h ON h.ticket = c.ticket AND h.status = 'RESOLVED' WHERE c.filed_at >= "
                        + since + and("c", RegionScope::complaints) + " GROUP BY c.ticket, c.filed_at")));
    }

    /**
     * Messages received by channel: a turn's message line carries its provider id (V63), and their
     * partial index by time holds the channel, so the whole deployment's count reads that index alone.
     */
    private String messagesSince(long since) {
        return "SELECT channel, channel, COUNT(*) FROM transcript m WHERE provider_id IS NOT NULL AND at >= " + since
                + and("m", RegionScope::residents) + " GROUP BY channel ORDER BY channel";
    }

    /** The region's condition on {@code alias} as a WHERE clause; nothing for the whole deployment. */
    private String where(String alias, java.util.function.BiFunction<RegionScope, String, String> condition) {
        return region.map(r -> " WHERE " + condition.apply(r, alias)).orElse("");
    }

    private String and(String alias, java.util.function.BiFunction<RegionScope, String, String> condition) {
        return region.map(r -> " AND " + condition.apply(r, alias)).orElse("");
    }

    private List<LabelledCount> counts(String sql) {
        return db.read(c -> Statements.list(c, sql, LabelledCount::counted));
    }

    private long single(String sql) {
        return db.read(c -> Statements.first(c, sql, rs -> rs.getLong(1)).orElse(0L));
    }

    /** Median of millisecond durations, in minutes (one decimal); null without samples. */
    private Double median(String sql) {
        OptionalDouble ms = Median.of(db.read(c -> Statements.list(c, sql, rs -> rs.getLong(1))));
        return ms.isEmpty() ? null : Math.round(ms.getAsDouble() / 6_000.0) / 10.0;
    }

    private static Double hours(Double minutes) {
        return minutes == null ? null : Math.round(minutes / 6.0) / 10.0;
    }
}
