package id.kanal.app.console;

import id.kanal.store.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's figures: complaints by status, category and agency; inbound volume by channel
 * today and this week (in the region's time zone); median minutes to the first agent answer
 * and to resolution. Medians are computed here, not in SQL, because SQLite has no percentile
 * function and the samples (a week of handoffs, resolved complaints) are small.
 */
final class DashboardQueries {
    private final Database db;
    private final Clock clock;
    private final ZoneId zone;

    DashboardQueries(Database db, Clock clock, ZoneId zone) {
        this.db = db;
        this.clock = clock;
        this.zone = zone;
    }

    /** A labelled count. */
    record Count(String key, String label, long count) {
    }

    Map<String, Object> figures() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        long dayStart = today.atStartOfDay(zone).toInstant().toEpochMilli();
        long weekStart = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone)
                .toInstant().toEpochMilli();
        long since = clock.millis() - 30L * 86_400_000L;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("now", clock.millis());
        out.put("byStatus", counts("SELECT status, status, COUNT(*) FROM complaint GROUP BY status ORDER BY status"));
        out.put("byCategory", counts("SELECT k.code, k.name_id, COUNT(c.ticket) FROM category k "
                + "LEFT JOIN complaint c ON c.category_code = k.code GROUP BY k.code, k.name_id, k.position ORDER BY k.position"));
        out.put("byAgency", counts("SELECT a.code, a.name, COUNT(c.ticket) FROM agency a "
                + "LEFT JOIN complaint c ON c.agency_code = a.code GROUP BY a.code, a.name ORDER BY a.name"));
        out.put("today", counts("SELECT channel, channel, COUNT(*) FROM inbound_message WHERE received_at >= "
                + dayStart + " GROUP BY channel ORDER BY channel"));
        out.put("week", counts("SELECT channel, channel, COUNT(*) FROM inbound_message WHERE received_at >= "
                + weekStart + " GROUP BY channel ORDER BY channel"));
        out.put("waiting", single("SELECT COUNT(*) FROM conversation WHERE mode = 'queued'"));
        out.put("withAgents", single("SELECT COUNT(*) FROM conversation WHERE mode = 'agent'"));
        out.put("medianFirstAnswerMinutes", median("SELECT first_answer_at - queued_at FROM handoff_log "
                + "WHERE first_answer_at IS NOT NULL AND taken_at >= " + since));
        out.put("medianResolutionHours", hours(median("SELECT MIN(h.changed_at) - c.filed_at FROM complaint c "
                + "JOIN complaint_history h ON h.ticket = c.ticket AND h.status = 'RESOLVED' WHERE c.filed_at >= "
                + since + " GROUP BY c.ticket, c.filed_at")));
        return out;
    }

    private List<Count> counts(String sql) {
        return db.read(c -> {
            List<Count> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Count(rs.getString(1), rs.getString(2), rs.getLong(3)));
                }
            }
            return out;
        });
    }

    private long single(String sql) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** Median of millisecond durations, in minutes (one decimal); null without samples. */
    private Double median(String sql) {
        List<Long> v = db.read(c -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        });
        if (v.isEmpty()) {
            return null;
        }
        v.sort(null);
        int n = v.size();
        double ms = n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2.0;
        return Math.round(ms / 6_000.0) / 10.0;
    }

    private static Double hours(Double minutes) {
        return minutes == null ? null : Math.round(minutes / 6.0) / 10.0;
    }

    /** Code and name pairs for the complaint filters. */
    static List<Count> codes(Database db, String sql) {
        return db.read(c -> {
            List<Count> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Count(rs.getString(1), rs.getString(2), 0));
                }
            }
            return out;
        });
    }
}
