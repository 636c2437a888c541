package id.kanal.services.complaints;

import id.kanal.dialog.port.Category;
import id.kanal.dialog.port.ComplaintStatus;
import id.kanal.dialog.port.FiledComplaint;

import id.kanal.store.Dialect;
import id.kanal.store.ResidentLines;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;

/** The complaint rows that filing writes and reads, inside the caller's transaction. */
final class ComplaintRows {
    private ComplaintRows() {
    }

    /** The complaint this filing's key already filed: a key is unique per reporter (V66). */
    static Optional<FiledComplaint> filedFor(Connection c, ComplaintFiling f, Category category) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT ticket, duplicate_of FROM complaint WHERE reporter_address = ? AND idempotency_key = ?")) {
            ps.setString(1, f.reporterAddress());
            ps.setString(2, f.idempotencyKey());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new FiledComplaint(rs.getString(1), category.agencyName(),
                        Optional.ofNullable(rs.getString(2))))
                        : Optional.empty();
            }
        }
    }

    /**
     * A complaint this resident filed from the same draft (category, place, words) within {@code since},
     * whose filing turn never committed: the desk commits a complaint before the turn that files it, so
     * a crash between the two leaves the resident at the summary, and their next "ya" (a new message,
     * a new key) must get that ticket, not a second one. It is adopted: its key becomes the new one,
     * so the new turn is the one that filed it. Only a resident's own filings (key {@code
     * <channel>:<message id>}) are looked at, and only the newest of them: any filing of the same draft
     * after an orphan adopted it, so an older one is never an orphan (a resident who sends the same
     * complaint again and again made this walk, and a turn look-up per filing, grow with each one).
     */
    static Optional<FiledComplaint> adoptOrphan(Connection c, Dialect dialect, java.util.function.LongSupplier newestLine,
                                                ComplaintFiling f, Category category, long since) throws SQLException {
        if (!f.filedBy().startsWith("resident:")) {
            return Optional.empty();
        }
        // "category_code || ''": the reporter's few complaints through complaint_reporter_idempotency, never every
        // complaint of the category through complaint_category_filed (SQLite's choice otherwise, a flood's walk).
        try (PreparedStatement ps = c.prepareStatement("SELECT ticket, duplicate_of, idempotency_key FROM complaint "
                + "WHERE reporter_channel = ? AND reporter_address = ? AND category_code || '' = ? AND location = ? "
                + "AND description = ? AND filed_at >= ? ORDER BY filed_at DESC")) {
            ps.setString(1, f.reporterChannel());
            ps.setString(2, f.reporterAddress());
            ps.setString(3, f.categoryCode());
            ps.setString(4, f.location());
            ps.setString(5, f.description());
            ps.setLong(6, since);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(3);
                    if (!key.startsWith(f.reporterChannel() + ":")) {
                        continue;
                    }
                    if (!turnCommitted(c, dialect, newestLine.getAsLong(), f, key)) {
                        try (PreparedStatement adopt = c.prepareStatement(
                                "UPDATE complaint SET idempotency_key = ? WHERE ticket = ?")) {
                            adopt.setString(1, f.idempotencyKey());
                            adopt.setString(2, rs.getString(1));
                            adopt.executeUpdate();
                        }
                        return Optional.of(new FiledComplaint(rs.getString(1), category.agencyName(),
                                Optional.ofNullable(rs.getString(2))));
                    }
                    break;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the turn of {@code <channel>:<message id>}, the reporter's, is recorded (committed): its
     * message's line in the reporter's transcript carries the message id (V63). Read from the newest line
     * back: the complaint is at most an hour old, so its turn is among the last lines; on SQLite the walk of
     * the reporter's lines stops at it.
     */
    private static boolean turnCommitted(Connection c, Dialect dialect, long newestLine, ComplaintFiling f, String key)
            throws SQLException {
        // The fourth parameter, the message id, is named by number on SQLite, where the walk names the first three.
        String id = dialect == Dialect.SQLITE ? "?4" : "?";
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + ResidentLines.of(dialect,
                "t.provider_id = " + id) + " l WHERE l.provider_id = " + id)) {
            ps.setString(1, f.reporterChannel());
            ps.setString(2, f.reporterAddress());
            ps.setLong(3, newestLine);
            ps.setString(4, key.substring(key.indexOf(':') + 1));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Writes a new complaint already in the status it is filed into ({@code status}: ASSIGNED by routing,
     * or its original's for a duplicate), with both history steps: RECEIVED from {@code f.filedBy()}, then
     * {@code status} from {@code by}. One row written once: inserted as RECEIVED and then updated, the row
     * was written twice and its complaint_status index entry moved. The ticket is new, so its history
     * starts at seq 1 (no MAX(seq) look-up). VALUES rather than INSERT ... SELECT FROM category: SQLite
     * treats an INSERT ... SELECT as a write of many rows and, with foreign keys on, then searches every
     * table that refers to complaint for rows the new one would adopt.
     */
    static void insert(Connection c, String ticket, ComplaintFiling f, String locationKey,
                       Optional<DuplicateFinder.Original> original, ComplaintStatus status, String by, String note,
                       boolean forwarding, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO complaint (ticket, idempotency_key, category_code, "
                + "agency_code, location, description, latitude, longitude, reporter_channel, reporter_address, status, "
                + "filed_at, updated_at, location_key, duplicate_of, forward_state, forward_next_at) "
                + "VALUES (?, ?, ?, (SELECT agency_code FROM category WHERE code = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, ticket);
            ps.setString(2, f.idempotencyKey());
            ps.setString(3, f.categoryCode());
            ps.setString(4, f.categoryCode());
            ps.setString(5, f.location());
            ps.setString(6, f.description());
            if (f.point().isPresent()) {
                ps.setDouble(7, f.point().get().latitude());
                ps.setDouble(8, f.point().get().longitude());
            } else {
                ps.setNull(7, Types.DOUBLE);
                ps.setNull(8, Types.DOUBLE);
            }
            ps.setString(9, f.reporterChannel());
            ps.setString(10, f.reporterAddress());
            ps.setString(11, status.name());
            ps.setLong(12, now);
            ps.setLong(13, now);
            ps.setString(14, locationKey);
            ps.setString(15, original.map(DuplicateFinder.Original::ticket).orElse(null));
            // A duplicate is not forwarded: the external desk already has its original.
            boolean forward = forwarding && original.isEmpty();
            ps.setString(16, forward ? "PENDING" : null);
            if (forward) {
                ps.setLong(17, now);
            } else {
                ps.setNull(17, Types.BIGINT);
            }
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO complaint_history (ticket, seq, status, changed_at, "
                + "changed_by, note) VALUES (?, 1, ?, ?, ?, ?), (?, 2, ?, ?, ?, ?)")) {
            ps.setString(1, ticket);
            ps.setString(2, ComplaintStatus.RECEIVED.name());
            ps.setLong(3, now);
            ps.setString(4, f.filedBy());
            ps.setString(5, "");
            ps.setString(6, ticket);
            ps.setString(7, status.name());
            ps.setLong(8, now);
            ps.setString(9, by);
            ps.setString(10, note);
            ps.executeUpdate();
        }
        // A resident's photo is the provider's (a Twilio URL, a Telegram file id): PhotoFetcher fetches
        // it from now on. An Open311 client's media_url is its own public link, kept as given.
        boolean fromProvider = f.filedBy().startsWith("resident:");
        for (int i = 0; i < f.photos().size(); i++) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO complaint_media (ticket, position, url, "
                    + "content_type, fetch_state, fetch_next_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, ticket);
                ps.setInt(2, i);
                ps.setString(3, f.photos().get(i).url());
                ps.setString(4, f.photos().get(i).contentType());
                ps.setString(5, fromProvider ? "PENDING" : "EXTERNAL");
                ps.setLong(6, now);
                ps.executeUpdate();
            }
        }
    }
}
