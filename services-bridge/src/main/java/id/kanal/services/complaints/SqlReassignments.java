package id.kanal.services.complaints;

import id.kanal.dialog.port.ComplaintStatus;
import id.kanal.store.Database;
import id.kanal.store.Statements;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/** {@link Reassignments} in the complaint table and {@code complaint_reassignment}, one transaction each. */
public final class SqlReassignments implements Reassignments {
    private static final System.Logger LOG = System.getLogger(SqlReassignments.class.getName());
    /** Kept short: it is read on a console line, and the resident never sees it. */
    public static final int MAX_REASON = 500;

    private final Database db;
    private final Clock clock;

    public SqlReassignments(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Reassignment reassign(String ticket, String toAgency, String reason, String by) {
        String code = ticket.strip().toUpperCase(Locale.ROOT);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new IllegalArgumentException("moving a complaint to another agency needs a reason");
        }
        if (why.length() > MAX_REASON) {
            throw new IllegalArgumentException("the reason is longer than " + MAX_REASON + " characters");
        }
        return db.inTransaction(c -> {
            if (Statements.first(c, "SELECT code FROM agency WHERE code = ?", rs -> rs.getString(1), toAgency).isEmpty()) {
                throw new IllegalArgumentException("unknown agency: " + toAgency);
            }
            Current now = Statements.first(c, "SELECT agency_code, status FROM complaint WHERE ticket = ?",
                    rs -> new Current(rs.getString(1), ComplaintStatus.valueOf(rs.getString(2))), code)
                    .orElseThrow(() -> new ComplaintNotFoundException(code));
            if (!now.status.isOpen()) {
                throw new TransitionRefusedException(code, now.status, now.status,
                        "a " + now.status + " complaint is closed; reopen it before moving it to another agency");
            }
            if (now.agency.equals(toAgency)) {
                throw new IllegalArgumentException(code + " is already with " + toAgency);
            }
            long at = clock.millis();
            // Conditional on the agency just read: of two supervisors moving it at once, the second is refused.
            if (Statements.update(c, "UPDATE complaint SET agency_code = ?, updated_at = ? WHERE ticket = ? "
                    + "AND agency_code = ?", toAgency, at, code, now.agency) != 1) {
                throw new TransitionRefusedException(code, now.status, now.status,
                        "the complaint changed meanwhile; read it again");
            }
            int linked = Statements.update(c, "UPDATE complaint SET agency_code = ?, updated_at = ? WHERE duplicate_of = ? "
                    + "AND agency_code = ? AND status IN ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS')", toAgency, at, code,
                    now.agency);
            int seq = Statements.first(c, "SELECT COALESCE(MAX(seq), 0) + 1 FROM complaint_reassignment WHERE ticket = ?",
                    rs -> rs.getInt(1), code).orElse(1);
            Statements.update(c, "INSERT INTO complaint_reassignment (ticket, seq, from_agency, to_agency, reason, "
                    + "changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)", code, seq, now.agency, toAgency, why, by, at);
            LOG.log(System.Logger.Level.INFO, "complaint reassigned ticket={0} from={1} to={2} by={3} linked={4}",
                    code, now.agency, toAgency, by, linked);
            return new Reassignment(code, seq, now.agency, toAgency, why, by, at);
        });
    }

    @Override
    public List<Reassignment> of(String ticket) {
        return db.read(c -> Statements.list(c, "SELECT ticket, seq, from_agency, to_agency, reason, changed_by, changed_at "
                + "FROM complaint_reassignment WHERE ticket = ? ORDER BY seq", SqlReassignments::row,
                ticket.strip().toUpperCase(Locale.ROOT)));
    }

    private static Reassignment row(ResultSet rs) throws SQLException {
        return new Reassignment(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getLong(7));
    }

    private record Current(String agency, ComplaintStatus status) {
    }
}
