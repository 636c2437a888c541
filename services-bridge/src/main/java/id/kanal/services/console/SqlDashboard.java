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

    public SqlDashboard(Database db, Clock clock, ZoneId zone) {
        this.db = db;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public DashboardFigures figures() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        long dayStart = today.atStartOfDay(zone).toInstant().toEpochMilli();
        long weekStart = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone)
                .toInstant().toEpochMilli();
        long since = clock.millis() - 30L * DAY;
        return new DashboardFigures(clock.millis(),
                counts("SELECT status, status, COUNT(*) FROM complaint GROUP BY status ORDER BY status"),
                counts("SELECT k.code, k.name_id, COUNT(c.ticket) FROM category k LEFT JOIN complaint c "
                        + "ON c.category_code = k.code GROUP BY k.code, k.name_id, k.position ORDER BY k.position"),
                counts("SELECT a.code, a.name, COUNT(c.ticket) FROM agency a LEFT JOIN complaint c "
                        + "ON c.agency_code = a.code GROUP BY a.code, a.name ORDER BY a.name"),
                counts("SELECT channel, channel, COUNT(*) FROM inbound_message WHERE received_at >= "
                        + dayStart + " GROUP BY channel ORDER BY channel"),
                counts("SELECT channel, channel, COUNT(*) FROM inbound_message WHERE received_at >= "
                        + weekStart + " GROUP BY channel ORDER BY channel"),
                single("SELECT COUNT(*) FROM conversation WHERE mode = 'queued'"),
                single("SELECT COUNT(*) FROM conversation WHERE mode = 'agent'"),
                median("SELECT first_answer_at - queued_at FROM handoff_log "
                        + "WHERE first_answer_at IS NOT NULL AND taken_at >= " + since),
                hours(median("SELECT MIN(h.changed_at) - c.filed_at FROM complaint c "
                        + "JOIN complaint_history h ON h.ticket = c.ticket AND h.status = 'RESOLVED' WHERE c.filed_at >= "
                        + since + " GROUP BY c.ticket, c.filed_at")));
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
