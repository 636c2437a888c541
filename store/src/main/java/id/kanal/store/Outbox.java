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
    /** Provider ids of the console simulator's made-up messages start with this. */
    public static final String SIMULATED_PREFIX = "sim-";

    private Outbox() {
    }

    /** Whether only the simulator ever spoke as this resident (on its channel, or on USSD for an SMS number). */
    static boolean simulated(Connection c, id.kanal.dialog.Address a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM inbound_message WHERE address = ? "
                + "AND (channel = ? OR channel = ?) AND provider_id LIKE '" + SIMULATED_PREFIX + "%' LIMIT 1")) {
            ps.setString(1, a.value());
            ps.setString(2, a.channel().id());
            ps.setString(3, a.channel() == id.kanal.dialog.Channel.SMS ? id.kanal.dialog.Channel.USSD.id() : a.channel().id());
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Adds a pending message, due at once; returns its id. */
    public static String enqueue(Connection c, OutboundMessage m, Instant now) throws SQLException {
        String id = UUID.randomUUID().toString();
        // A resident the console's simulator made up may share a real person's number: what Kanal
        // would send them is kept as SIMULATED (shown in the simulator), never PENDING (sent).
        String status = simulated(c, m.to()) ? "SIMULATED" : "PENDING";
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (id, channel, address, body, kind, priority, "
                + "template, status, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")) {
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
            ps.executeUpdate();
        }
        return id;
    }
}
