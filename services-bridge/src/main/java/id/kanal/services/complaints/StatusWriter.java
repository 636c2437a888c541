package id.kanal.services.complaints;

import id.kanal.dialog.port.Category;
import id.kanal.dialog.port.ComplaintStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Applies one status change inside the caller's transaction: checks the lifecycle, updates the
 * complaint, appends its history, carries the change to the duplicates linked to it (those still
 * in step with it), and enqueues a notification for every reporter involved.
 */
final class StatusWriter {
    private static final System.Logger LOG = System.getLogger(StatusWriter.class.getName());

    private final StatusNotifier notifier;
    private final Function<String, Category> categories;

    StatusWriter(StatusNotifier notifier, Function<String, Category> categories) {
        this.notifier = notifier;
        this.categories = categories;
    }

    StatusChanged change(Connection c, String ticket, ComplaintStatus to, String by, String note, Instant now)
            throws SQLException {
        ComplaintStatus from;
        long updatedAt;
        String categoryCode;
        List<StatusNotifier.Recipient> recipients = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT status, updated_at, category_code, reporter_channel, "
                + "reporter_address FROM complaint WHERE ticket = ?")) {
            ps.setString(1, ticket);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new ComplaintNotFoundException(ticket);
                }
                from = ComplaintStatus.valueOf(rs.getString(1));
                updatedAt = rs.getLong(2);
                categoryCode = rs.getString(3);
                recipients.add(new StatusNotifier.Recipient(ticket, rs.getString(4), rs.getString(5)));
            }
        }
        ComplaintLifecycle.check(ticket, from, to, note,
                ComplaintQueries.resolvedAt(from, Instant.ofEpochMilli(updatedAt)), now);
        // Conditional on the status just read: on PostgreSQL (read committed) two concurrent changes
        // could both pass the check; the second finds no row and is refused instead of applied twice.
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE complaint SET status = ?, updated_at = ? WHERE ticket = ? AND status = ?")) {
            ps.setString(1, to.name());
            ps.setLong(2, now.toEpochMilli());
            ps.setString(3, ticket);
            ps.setString(4, from.name());
            if (ps.executeUpdate() != 1) {
                throw new TransitionRefusedException(ticket, from, to, "the complaint changed meanwhile; read it again");
            }
        }
        history(c, ticket, to, by, note, now);

        // Duplicates follow their original while they are in step with it; one a person moved on
        // their own (e.g. rejected as wrongly linked) is left alone.
        try (PreparedStatement ps = c.prepareStatement("SELECT ticket, reporter_channel, reporter_address FROM complaint "
                + "WHERE duplicate_of = ? AND status = ? ORDER BY ticket")) {
            ps.setString(1, ticket);
            ps.setString(2, from.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    recipients.add(new StatusNotifier.Recipient(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        for (StatusNotifier.Recipient r : recipients.subList(1, recipients.size())) {
            write(c, r.ticket(), to, by + " via " + ticket, note, now);
        }

        Category category = categories.apply(categoryCode);
        Set<String> told = new HashSet<>();
        int notified = 0;
        for (StatusNotifier.Recipient r : recipients) {
            // One resident who reported the same problem twice hears of it once.
            if (told.add(r.channel() + ":" + r.address()) && notifier.notify(c, r, category, from, to, note, now)) {
                notified++;
            }
        }
        LOG.log(System.Logger.Level.INFO, "complaint status ticket={0} from={1} to={2} by={3} linked={4} notified={5}",
                ticket, from, to, by, recipients.size() - 1, notified);
        return new StatusChanged(ticket, from, to, notified);
    }

    /** Sets the status and appends the history row, without any check (filing and mirroring use it too). */
    static void write(Connection c, String ticket, ComplaintStatus to, String by, String note, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE complaint SET status = ?, updated_at = ? WHERE ticket = ?")) {
            ps.setString(1, to.name());
            ps.setLong(2, now.toEpochMilli());
            ps.setString(3, ticket);
            ps.executeUpdate();
        }
        history(c, ticket, to, by, note, now);
    }

    static void history(Connection c, String ticket, ComplaintStatus status, String by, String note, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO complaint_history (ticket, seq, status, changed_at, "
                + "changed_by, note) SELECT ?, COALESCE(MAX(seq), 0) + 1, ?, ?, ?, ? FROM complaint_history WHERE ticket = ?")) {
            ps.setString(1, ticket);
            ps.setString(2, status.name());
            ps.setLong(3, now.toEpochMilli());
            ps.setString(4, by);
            ps.setString(5, note);
            ps.setString(6, ticket);
            ps.executeUpdate();
        }
    }
}
