package id.kanal.services.console;

import id.kanal.services.complaints.ComplaintLifecycle;
import id.kanal.services.complaints.ComplaintNotFoundException;
import id.kanal.services.complaints.ComplaintQueries;
import id.kanal.services.complaints.SqlComplaintDesk;

import id.kanal.dialog.port.ComplaintStatus;
import id.kanal.store.Database;
import id.kanal.store.Statements;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link ConsoleComplaints} over Kanal's own complaint tables; status changes go through the complaint desk. */
public final class SqlConsoleComplaints implements ConsoleComplaints {
    private final SqlComplaintDesk desk;
    /** A day in milliseconds, cast so that PostgreSQL multiplies in bigint (days * an int literal overflows int at 25 days). */
    private static final String DAY = "CAST(86400000 AS BIGINT)";
    private static final String OPEN = "('RECEIVED', 'ASSIGNED', 'IN_PROGRESS')";
    private static final String SELECT = "SELECT c.ticket, c.status, c.category_code, k.name_id, c.agency_code, a.name, "
            + "c.location, c.reporter_channel, c.reporter_address, c.filed_at, c.updated_at, "
            + "c.filed_at + k.resolution_days * " + DAY + ", c.description FROM complaint c "
            + "JOIN category k ON k.code = c.category_code JOIN agency a ON a.code = c.agency_code ";

    private final Database db;
    private final Clock clock;

    public SqlConsoleComplaints(Database db, Clock clock, SqlComplaintDesk desk) {
        this.desk = desk;
        this.db = db;
        this.clock = clock;
    }

    @Override
    public List<Row> list(Filter f) {
        List<Object> args = new ArrayList<>();
        String sql = listSql(f, args);
        return db.read(c -> rows(c, sql, args));
    }

    @Override
    public List<Exported> export(Filter f) {
        List<Object> args = new ArrayList<>();
        String sql = listSql(f, args);
        return db.read(c -> Statements.list(c, sql, rs -> new Exported(row(rs), rs.getString(13)), args.toArray()));
    }

    /** The list's query for the filter; its arguments are added to {@code args}. */
    private String listSql(Filter f, List<Object> args) {
        StringBuilder sql = new StringBuilder(SELECT).append("WHERE 1 = 1 ");
        f.status().ifPresent(s -> {
            sql.append("AND c.status = ? ");
            args.add(s.name());
        });
        f.category().ifPresent(s -> {
            sql.append("AND c.category_code = ? ");
            args.add(s);
        });
        f.agency().ifPresent(s -> {
            sql.append("AND c.agency_code = ? ");
            args.add(s);
        });
        f.search().ifPresent(q -> {
            // A ticket code, the reporter's number's last digits, or every word in the description or place.
            sql.append("AND (LOWER(c.ticket) LIKE ? ESCAPE '\\' OR (")
                    .append(q.allWordsIn("LOWER(COALESCE(c.description, '') || ' ' || COALESCE(c.location, ''))"))
                    .append(')');
            args.add(q.likeTicket());
            args.addAll(q.likeWords());
            q.likePhoneEnd().ifPresent(digits -> {
                sql.append(" OR c.reporter_address LIKE ?");
                args.add(digits);
            });
            sql.append(") ");
        });
        if (f.overdueOnly()) {
            sql.append("AND c.status IN ").append(OPEN).append(" AND c.filed_at + k.resolution_days * ").append(DAY)
                    .append(" < ? ");
            args.add(clock.millis());
        }
        sql.append("ORDER BY c.filed_at DESC, c.ticket DESC LIMIT ").append(f.limit());
        return sql.toString();
    }

    @Override
    public Optional<Detail> detail(String ticket) {
        return db.read(c -> detail(c, ticket));
    }

    @Override
    public List<Row> byResident(String address) {
        return db.read(c -> rows(c, SELECT + "WHERE c.reporter_address = ? ORDER BY c.filed_at DESC LIMIT 50",
                List.of(address)));
    }

    @Override
    public List<LabelledCount> categories() {
        return db.read(c -> Statements.list(c, "SELECT code, name_id FROM category ORDER BY position", LabelledCount::code));
    }

    @Override
    public List<LabelledCount> agencies() {
        return db.read(c -> Statements.list(c, "SELECT code, name FROM agency ORDER BY name", LabelledCount::code));
    }

    @Override
    public Detail changeStatus(String ticket, ComplaintStatus status, String note, String by) {
        // The complaint desk decides what the lifecycle allows and who is told (every reporter of the
        // problem, on their own channel, never one who sent STOP), in one transaction.
        try {
            desk.changeStatus(ticket, status, by, note);
        } catch (ComplaintNotFoundException e) {
            throw new IllegalArgumentException("no such complaint: " + ticket);
        }
        return detail(ticket).orElseThrow();
    }

    private Optional<Detail> detail(Connection c, String ticket) throws SQLException {
        List<Row> rows = new ArrayList<>();
        String description = null;
        try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE c.ticket = ?")) {
            ps.setString(1, ticket);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    rows.add(row(rs));
                    description = rs.getString(13);
                }
            }
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<HistoryEntry> history = Statements.list(c, "SELECT seq, status, changed_at, changed_by, note "
                        + "FROM complaint_history WHERE ticket = ? ORDER BY seq",
                rs -> new HistoryEntry(rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5)),
                ticket);
        Row row = rows.getFirst();
        // The lifecycle (through the desk, with its clock) decides what may come next; the agent is offered
        // only that, and a change that loses a race with another one is still refused with a 409.
        ComplaintStatus status = ComplaintStatus.valueOf(row.status());
        Instant updatedAt = Instant.ofEpochMilli(row.updatedAt());
        Set<ComplaintStatus> allowed = desk.queries().allowedTransitions(status, updatedAt);
        return Optional.of(new Detail(row, description, history, allowed.stream().map(Enum::name).toList(),
                allowed.stream().filter(ComplaintLifecycle::needsReason).map(Enum::name).toList(),
                ComplaintQueries.resolvedAt(status, updatedAt).map(t -> ComplaintLifecycle.reopenUntil(t).toEpochMilli()).orElse(null)));
    }

    private List<Row> rows(Connection c, String sql, List<Object> args) throws SQLException {
        return Statements.list(c, sql, this::row, args.toArray());
    }

    private Row row(ResultSet rs) throws SQLException {
        String status = rs.getString(2);
        long due = rs.getLong(12);
        boolean open = ComplaintStatus.valueOf(status).isOpen();
        return new Row(rs.getString(1), status, rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getLong(10), rs.getLong(11), due,
                open && due < clock.millis());
    }
}
