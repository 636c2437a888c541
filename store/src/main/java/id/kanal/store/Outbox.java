package id.kanal.store;

import id.kanal.dialog.port.OutboundMessage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes messages to the outbox table. {@link #enqueue} takes the caller's connection so the
 * message commits (or rolls back) with the change that caused it: a status change and its
 * notification are one transaction, and nothing is sent for a change that did not happen.
 */
public final class Outbox {
    private Outbox() {
    }

    /** Adds a pending message, due at once; returns its id. */
    public static String enqueue(Connection c, OutboundMessage m, Instant now) throws SQLException {
        String id = UUID.randomUUID().toString();
        insert(c, id, m, now, null, 0);
        return id;
    }

    /**
     * Adds a message under {@code id} already claimed by the caller ({@code SENDING} under
     * {@code claimId} until {@code claimedUntil}), unless a row with that id exists: a reply the
     * adapter sends itself, whose row the outbox sender delivers only if the adapter never reports
     * back (it died). Returns whether this call wrote it; a simulated resident's row is written
     * SIMULATED and counts as not written (nothing to send).
     */
    public static boolean insertClaimed(Connection c, String id, OutboundMessage m, Instant now, String claimId,
                                        Instant claimedUntil) throws SQLException {
        return insert(c, id, m, now, claimId, claimedUntil.toEpochMilli()) && !m.to().isSimulated();
    }

    private static boolean insert(Connection c, String id, OutboundMessage m, Instant now, String claimId,
                                  long claimedUntil) throws SQLException {
        // A resident the console's simulator made up lives in its own address space (no provider
        // can reach it): what Kanal would send them is kept as SIMULATED (shown in the simulator),
        // never PENDING (sent). A real resident's messages are decided by nothing but their address.
        String status = m.to().isSimulated() ? "SIMULATED" : claimId != null ? "SENDING" : "PENDING";
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (id, channel, address, body, kind, priority, "
                + "template, status, attempts, next_attempt_at, created_at, claim_id, claimed_until, sender) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            ps.setString(1, id);
            ps.setString(2, m.to().channel().id());
            ps.setString(3, m.to().value());
            ps.setString(4, m.body());
            ps.setString(5, m.kind());
            ps.setInt(6, m.priority());
            ps.setString(7, m.template().orElse(null));
            ps.setString(8, status);
            ps.setLong(9, now.toEpochMilli());
            ps.setLong(10, now.toEpochMilli());
            ps.setString(11, claimId);
            if (claimId == null) {
                ps.setNull(12, java.sql.Types.BIGINT);
            } else {
                ps.setLong(12, claimedUntil);
            }
            ps.setString(13, m.from().orElse(null));
            return ps.executeUpdate() == 1;
        }
    }
}
