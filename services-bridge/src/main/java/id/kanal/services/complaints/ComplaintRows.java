package id.kanal.services.complaints;

import id.kanal.dialog.port.Category;
import id.kanal.dialog.port.ComplaintStatus;
import id.kanal.dialog.port.FiledComplaint;

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

    static Optional<FiledComplaint> filedFor(Connection c, String idempotencyKey, Category category)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ticket, duplicate_of FROM complaint WHERE idempotency_key = ?")) {
            ps.setString(1, idempotencyKey);
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
    static Optional<FiledComplaint> adoptOrphan(Connection c, ComplaintFiling f, Category category, long since)
            throws SQLException {
        if (!f.filedBy().startsWith("resident:")) {
            return Optional.empty();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT ticket, duplicate_of, idempotency_key FROM complaint "
                + "WHERE reporter_channel = ? AND reporter_address = ? AND category_code = ? AND location = ? "
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
                    if (!turnCommitted(c, key)) {
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

    /** Whether the turn of {@code <channel>:<message id>} is recorded (committed). */
    private static boolean turnCommitted(Connection c, String key) throws SQLException {
        int colon = key.indexOf(':');
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM inbound_message WHERE channel = ? AND provider_id = ?")) {
            ps.setString(1, key.substring(0, colon));
            ps.setString(2, key.substring(colon + 1));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static ComplaintStatus statusOf(Connection c, String ticket) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT status FROM complaint WHERE ticket = ?")) {
            ps.setString(1, ticket);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new ComplaintNotFoundException(ticket);
                }
                return ComplaintStatus.valueOf(rs.getString(1));
            }
        }
    }

    static void insert(Connection c, String ticket, ComplaintFiling f, String locationKey, Optional<String> duplicateOf,
                       boolean forwarding, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO complaint (ticket, idempotency_key, category_code, "
                + "agency_code, location, description, latitude, longitude, reporter_channel, reporter_address, status, "
                + "filed_at, updated_at, location_key, duplicate_of, forward_state, forward_next_at) "
                + "SELECT ?, ?, code, agency_code, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM category WHERE code = ?")) {
            ps.setString(1, ticket);
            ps.setString(2, f.idempotencyKey());
            ps.setString(3, f.location());
            ps.setString(4, f.description());
            if (f.point().isPresent()) {
                ps.setDouble(5, f.point().get().latitude());
                ps.setDouble(6, f.point().get().longitude());
            } else {
                ps.setNull(5, Types.DOUBLE);
                ps.setNull(6, Types.DOUBLE);
            }
            ps.setString(7, f.reporterChannel());
            ps.setString(8, f.reporterAddress());
            ps.setString(9, ComplaintStatus.RECEIVED.name());
            ps.setLong(10, now);
            ps.setLong(11, now);
            ps.setString(12, locationKey);
            ps.setString(13, duplicateOf.orElse(null));
            // A duplicate is not forwarded: the external desk already has its original.
            boolean forward = forwarding && duplicateOf.isEmpty();
            ps.setString(14, forward ? "PENDING" : null);
            if (forward) {
                ps.setLong(15, now);
            } else {
                ps.setNull(15, Types.BIGINT);
            }
            ps.setString(16, f.categoryCode());
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
