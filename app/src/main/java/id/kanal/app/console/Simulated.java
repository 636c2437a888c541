package id.kanal.app.console;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Residents the simulator made up. What Kanal later sends them (agent replies, status news) is
 * written to the outbox with status {@code SIMULATED} instead of {@code PENDING}: the simulator
 * shows it, and the real sender, which delivers only pending rows, never texts a made-up number
 * that may belong to a real person.
 */
final class Simulated {
    /** Provider ids of simulated messages start with this. */
    static final String PREFIX = "sim-";

    private Simulated() {
    }

    /** Whether the simulator has spoken as this resident (on the channel, or on USSD for an SMS address). */
    static boolean resident(Connection c, Address a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM inbound_message WHERE address = ? "
                + "AND (channel = ? OR channel = ?) AND provider_id LIKE '" + PREFIX + "%' LIMIT 1")) {
            ps.setString(1, a.value());
            ps.setString(2, a.channel().id());
            ps.setString(3, a.channel() == Channel.SMS ? Channel.USSD.id() : a.channel().id());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Marks an outbox row as simulated when its resident is. */
    static void markIfSimulated(Connection c, Address to, String outboxId) throws SQLException {
        if (!resident(c, to)) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET status = 'SIMULATED' WHERE id = ?")) {
            ps.setString(1, outboxId);
            ps.executeUpdate();
        }
    }
}
