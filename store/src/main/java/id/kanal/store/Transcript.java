package id.kanal.store;

import id.kanal.dialog.Address;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Lines of a conversation's transcript (resident, bot, agent), in order. */
final class Transcript {
    private Transcript() {
    }

    static void append(Connection c, Address resident, long seq, long at, String direction, String author, String body)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO transcript "
                + "(channel, address, seq, at, direction, author, body) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, resident.channel().id());
            ps.setString(2, resident.value());
            ps.setLong(3, seq);
            ps.setLong(4, at);
            ps.setString(5, direction);
            ps.setString(6, author);
            ps.setString(7, body);
            ps.executeUpdate();
        }
    }
}
