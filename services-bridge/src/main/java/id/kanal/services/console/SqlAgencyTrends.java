package id.kanal.services.console;

import id.kanal.store.Database;
import id.kanal.store.Statements;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link AgencyTrends} over the complaint tables. Weeks start on Monday in the region's zone; the
 * rows of the period are bucketed here rather than in SQL, where SQLite and PostgreSQL have no
 * common way to truncate a time to a local week. {@link #of} narrows it to one region (its
 * agencies, its complaints by ticket prefix) and optionally one agency: what a desk may see.
 */
public final class SqlAgencyTrends {
    private static final long DAY = 86_400_000L;
    private static final String OPEN = "('RECEIVED', 'ASSIGNED', 'IN_PROGRESS')";
    private static final String DUE = "c.filed_at + k.resolution_days * " + DAY;

    private final Database db;
    private final Clock clock;
    private final ZoneId zone;
    private final Optional<RegionScope> region;
    private final Optional<String> agency;

    /** The trends of the whole deployment. */
    public SqlAgencyTrends(Database db, Clock clock, ZoneId zone) {
        this(db, clock, zone, Optional.empty(), Optional.empty());
    }

    private SqlAgencyTrends(Database db, Clock clock, ZoneId zone, Optional<RegionScope> region, Optional<String> agency) {
        this.db = db;
        this.clock = clock;
        this.zone = zone;
        this.region = region;
        this.agency = agency;
    }

    /**
     * The trends of one region (every region when empty), in its zone, and of one agency only when
     * given (an agency desk); the agency is bound as a parameter, never written into the SQL.
     */
    public SqlAgencyTrends of(Optional<RegionScope> region, Optional<String> agency, ZoneId regionZone) {
        return new SqlAgencyTrends(db, clock, regionZone, region, agency);
    }

    /** The last {@code weekCount} weeks (this one included) and up to {@code overdueLimit} overdue complaints. */
    public AgencyTrends trends(int weekCount, int overdueLimit) {
        if (weekCount < 1 || weekCount > 53 || overdueLimit < 1 || overdueLimit > 1000) {
            throw new IllegalArgumentException("weeks 1-53, overdue 1-1000: " + weekCount + ", " + overdueLimit);
        }
        long now = clock.millis();
        LocalDate monday = LocalDate.now(clock.withZone(zone)).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<Long> weeks = new ArrayList<>();
        for (int i = weekCount - 1; i >= 0; i--) {
            weeks.add(monday.minusWeeks(i).atStartOfDay(zone).toInstant().toEpochMilli());
        }
        long from = weeks.getFirst();
        return db.read(c -> {
            Map<String, String> names = new LinkedHashMap<>();
            for (String[] a : Statements.list(c, "SELECT a.code, a.name FROM agency a WHERE 1 = 1"
                    + region.map(r -> " AND " + r.owned("a")).orElse("") + agencyIs("a.code") + " ORDER BY a.name",
                    rs -> new String[] {rs.getString(1), rs.getString(2)}, agencyArgs())) {
                names.put(a[0], a[1]);
            }
            Map<String, long[]> filed = bucket(weeks, names.keySet(), Statements.list(c,
                    "SELECT c.agency_code, c.filed_at FROM complaint c WHERE c.filed_at >= ?" + complaints(),
                    Stamp::read, args(from)));
            // A complaint reopened and resolved again counts once, in the week it was first resolved.
            Map<String, long[]> resolved = bucket(weeks, names.keySet(), Statements.list(c,
                    "SELECT c.agency_code, MIN(h.changed_at) FROM complaint c JOIN complaint_history h "
                            + "ON h.ticket = c.ticket AND h.status = 'RESOLVED' WHERE 1 = 1" + complaints()
                            + " GROUP BY c.ticket, c.agency_code HAVING MIN(h.changed_at) >= ?", Stamp::read,
                    args(null, from)));
            List<AgencyTrends.AgencyWeeks> agencies = names.entrySet().stream().map(e -> new AgencyTrends.AgencyWeeks(
                    e.getKey(), e.getValue(), list(filed.get(e.getKey())), list(resolved.get(e.getKey())))).toList();
            String overdueWhere = "WHERE c.status IN " + OPEN + " AND " + DUE + " < ?" + complaints();
            List<AgencyTrends.Overdue> overdue = Statements.list(c, "SELECT c.ticket, c.status, k.name_id, c.agency_code, "
                    + "a.name, c.filed_at, " + DUE + " FROM complaint c JOIN category k ON k.code = c.category_code "
                    + "JOIN agency a ON a.code = c.agency_code " + overdueWhere + " ORDER BY " + DUE + ", c.ticket LIMIT "
                    + overdueLimit, rs -> new AgencyTrends.Overdue(rs.getString(1), rs.getString(2), rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getLong(6), rs.getLong(7), (now - rs.getLong(7)) / DAY), args(now));
            long total = Statements.first(c, "SELECT COUNT(*) FROM complaint c JOIN category k ON k.code = c.category_code "
                    + overdueWhere, rs -> rs.getLong(1), args(now)).orElse(0L);
            return new AgencyTrends(now, weeks, agencies, overdue, total);
        });
    }

    /** The scope's condition on complaints {@code c}: its region's prefix, its agency (a parameter). */
    private String complaints() {
        return region.map(r -> " AND " + r.complaints("c")).orElse("") + agencyIs("c.agency_code");
    }

    private String agencyIs(String column) {
        return agency.isPresent() ? " AND " + column + " = ?" : "";
    }

    private Object[] agencyArgs() {
        return agency.<Object[]>map(a -> new Object[] {a}).orElse(new Object[0]);
    }

    /**
     * The statement's arguments: {@code before} (when not null), the agency when the scope has one,
     * then {@code after} (when not null).
     */
    private Object[] args(Object before, Object after) {
        List<Object> out = new ArrayList<>();
        if (before != null) {
            out.add(before);
        }
        agency.ifPresent(out::add);
        if (after != null) {
            out.add(after);
        }
        return out.toArray();
    }

    private Object[] args(Object before) {
        return args(before, null);
    }

    private static Map<String, long[]> bucket(List<Long> weeks, Iterable<String> agencies, List<Stamp> stamps) {
        Map<String, long[]> out = new LinkedHashMap<>();
        agencies.forEach(a -> out.put(a, new long[weeks.size()]));
        for (Stamp s : stamps) {
            long[] counts = out.get(s.agency());
            if (counts == null) {
                continue; // an agency removed from the region: its old complaints are not a row
            }
            for (int w = weeks.size() - 1; w >= 0; w--) {
                if (s.at() >= weeks.get(w)) {
                    counts[w]++;
                    break;
                }
            }
        }
        return out;
    }

    private static List<Long> list(long[] counts) {
        return java.util.Arrays.stream(counts).boxed().toList();
    }

    /** One complaint's agency and a moment (filed or resolved). */
    private record Stamp(String agency, long at) {
        static Stamp read(java.sql.ResultSet rs) throws java.sql.SQLException {
            return new Stamp(rs.getString(1), rs.getLong(2));
        }
    }
}
