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
        for (int i = 0; i < f.photos().size(); i++) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO complaint_media (ticket, position, url, content_type) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, ticket);
                ps.setInt(2, i);
                ps.setString(3, f.photos().get(i).url());
                ps.setString(4, f.photos().get(i).contentType());
                ps.executeUpdate();
            }
        }
    }
}
