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

    /**
     * A turn's two lines, the resident's message and the bot's reply (none when the reply is
     * silent), numbered after the transcript's last line, in one statement: the number is read and
     * both rows written in one step instead of three. The caller holds the conversation's row lock
     * (the turn's upsert took it), so no other writer numbers a line of this transcript meanwhile.
     * Its parameters are bound by {@link #bindTurn}.
     */
    static String turnSql(boolean withReply) {
        return withReply ? TURN_IN_OUT : TURN_IN;
    }

    /** Binds {@link #turnSql}'s parameters from {@code at} ({@code outBody} null: no reply line). */
    static void bindTurn(PreparedStatement ps, int at, Address resident, long inAt, String inBody, long outAt,
                         String outBody) throws SQLException {
        ps.setString(at, resident.channel().id());
        ps.setString(at + 1, resident.value());
        ps.setLong(at + 2, inAt);
        ps.setString(at + 3, inBody);
        if (outBody != null) {
            ps.setLong(at + 4, outAt);
            ps.setString(at + 5, outBody);
        }
    }

    /** The last line's number of one transcript, then the rows that follow it. */
    private static final String LAST = "WITH who (channel, address) AS (SELECT ?, ?), "
            + "last (channel, address, seq) AS (SELECT who.channel, who.address, "
            + "(SELECT COALESCE(MAX(t.seq), 0) FROM transcript t WHERE t.channel = who.channel AND t.address = who.address) "
            + "FROM who) "
            + "INSERT INTO transcript (channel, address, seq, at, direction, author, body) ";
    private static final String TURN_IN = LAST
            + "SELECT channel, address, seq + 1, ?, 'in', 'resident', ? FROM last";
    private static final String TURN_IN_OUT = TURN_IN
            + " UNION ALL SELECT channel, address, seq + 2, ?, 'out', 'bot', ? FROM last";
}
