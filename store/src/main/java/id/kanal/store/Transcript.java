package id.kanal.store;

import id.kanal.dialog.Address;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Lines of a conversation's transcript (resident, bot, agent), in order.
 *
 * <p>A turn's "in" line is also the record of its message for deduplication (V63): it carries the
 * message's provider id and how the message was answered ({@code reply_kind}), so that a provider's
 * retry finds its first reply in the resident's own transcript, in the B-tree pages the turn writes
 * anyway, instead of in a table of its own keyed by a random provider id. Other lines leave both
 * columns null.
 */
final class Transcript {
    /** {@code reply_kind} bit: the bot's reply is the next line ({@code seq + 1}); without it the reply was silent. */
    static final int REPLY_LINE = 2;
    /** {@code reply_kind} bit: the reply ended the session (a USSD {@code END}). */
    static final int REPLY_ENDS = 1;

    private Transcript() {
    }

    /** A turn's {@code reply_kind}: whether the bot's line follows the message's, and whether the reply ended the session. */
    static int replyKind(boolean replyLine, boolean endsSession) {
        return (replyLine ? REPLY_LINE : 0) | (endsSession ? REPLY_ENDS : 0);
    }

    /**
     * The reply to the message with a provider id in one resident's transcript: its {@code reply_kind}
     * and the bot's line after it (null when the reply was silent); no row when the message is not
     * there. Parameters: channel, address, provider id. The transcript's key leads with the resident,
     * so SQLite reads only that resident's lines; PostgreSQL, which asks on every turn (no Bloom
     * filter there), reads its index of provider ids.
     */
    static final String REPLY = "SELECT i.reply_kind, o.body FROM transcript i LEFT JOIN transcript o "
            + "ON o.channel = i.channel AND o.address = i.address AND o.seq = i.seq + 1 AND i.reply_kind >= " + REPLY_LINE
            + " WHERE i.channel = ? AND i.address = ? AND i.provider_id = ?";

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
     * A turn's two lines: the resident's message and the bot's reply ({@code outBody} null when the
     * reply is silent: no line; the message's line records that in its {@code reply_kind}). On SQLite
     * the message's line also carries the conversation after the turn: its encoded {@code state},
     * {@code misunderstandings} and last activity ({@code outAt}), which the conversation's row gets
     * only later (see {@link SqlConversationStore}).
     */
    record TurnLines(Address resident, long inAt, String inBody, String providerId, boolean endsSession, long outAt,
                     String outBody, String state, int misunderstandings) {
        /**
         * One statement that numbers both lines after the transcript's last one: the number is read and
         * both rows written in one step, for PostgreSQL, where a step is a round trip. The caller holds
         * the conversation's row lock (the turn's upsert took it), so no other writer numbers a line of
         * this transcript meanwhile. Bound by {@link #bindAfterLast}.
         */
        String afterLastSql() {
            return outBody == null ? TURN_IN : TURN_IN_OUT;
        }

        /** Binds {@link #afterLastSql}'s parameters from {@code at}. */
        void bindAfterLast(PreparedStatement ps, int at) throws SQLException {
            ps.setString(at, resident.channel().id());
            ps.setString(at + 1, resident.value());
            ps.setLong(at + 2, inAt);
            ps.setString(at + 3, inBody);
            ps.setString(at + 4, providerId);
            ps.setInt(at + 5, replyKind(outBody != null, endsSession));
            if (outBody != null) {
                ps.setLong(at + 6, outAt);
                ps.setString(at + 7, outBody);
            }
        }

        /**
         * SQLite: numbers both lines after the transcript's last one and inserts them as plain rows, the
         * message's with the conversation after the turn. There a step is a call into the library, and
         * the one statement's INSERT ... SELECT ... UNION ALL cost 2.3-3 us a turn more than the two
         * (16.4-17.9 against 14.5-15.1 us for a turn's lines and its share of the commit, 200,000 turns
         * of 20,000 residents, throwaway harness).
         *
         * <p>{@code knownLast} is the last line this node's previous turn of the resident committed (0:
         * not known), which spares reading it. It may be stale, never ahead: lines are numbered one after
         * the last and never deleted, so when any line was written since (an agent's reply, a note), line
         * {@code knownLast + 1} exists, the insert fails on the key as a whole (SQLite undoes the statement,
         * not the transaction) and the lines are numbered again after the last one read.
         *
         * @return the message line's number
         */
        long insertNumbered(Connection c, long knownLast) throws SQLException {
            if (knownLast > 0) {
                try {
                    insertAt(c, knownLast + 1);
                    return knownLast + 1;
                } catch (SQLException e) {
                    if (e.getErrorCode() != org.sqlite.SQLiteErrorCode.SQLITE_CONSTRAINT.code) {
                        throw e;
                    }
                }
            }
            long in = lastSeq(c, resident) + 1;
            insertAt(c, in);
            return in;
        }

        /** The last line's number after these lines, whose message line is {@code in}. */
        long lastAfter(long in) {
            return outBody == null ? in : in + 1;
        }

        private void insertAt(Connection c, long in) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(outBody == null ? ROWS_IN : ROWS_IN_OUT)) {
                bindRow(ps, 1, in, inAt);
                ps.setString(5, inBody);
                ps.setString(6, providerId);
                ps.setInt(7, replyKind(outBody != null, endsSession));
                ps.setString(8, state);
                ps.setInt(9, misunderstandings);
                ps.setLong(10, outAt);
                if (outBody != null) {
                    bindRow(ps, 11, in + 1, outAt);
                    ps.setString(15, outBody);
                }
                ps.executeUpdate();
            }
        }

        private void bindRow(PreparedStatement ps, int at, long seq, long lineAt) throws SQLException {
            ps.setString(at, resident.channel().id());
            ps.setString(at + 1, resident.value());
            ps.setLong(at + 2, seq);
            ps.setLong(at + 3, lineAt);
        }
    }

    /** The number of one transcript's last line, 0 when it has none. */
    static long lastSeq(Connection c, Address resident) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COALESCE(MAX(seq), 0) FROM transcript WHERE channel = ? AND address = ?")) {
            ps.setString(1, resident.channel().id());
            ps.setString(2, resident.value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static final String ROWS_IN = "INSERT INTO transcript "
            + "(channel, address, seq, at, direction, author, body, provider_id, reply_kind, state, misunderstandings, "
            + "last_activity) VALUES (?, ?, ?, ?, 'in', 'resident', ?, ?, ?, ?, ?, ?)";
    private static final String ROWS_IN_OUT = ROWS_IN + ", (?, ?, ?, ?, 'out', 'bot', ?, NULL, NULL, NULL, NULL, NULL)";

    /** The last line's number of one transcript, then the rows that follow it. */
    private static final String LAST = "WITH who (channel, address) AS (SELECT ?, ?), "
            + "last (channel, address, seq) AS (SELECT who.channel, who.address, "
            + "(SELECT COALESCE(MAX(t.seq), 0) FROM transcript t WHERE t.channel = who.channel AND t.address = who.address) "
            + "FROM who) "
            + "INSERT INTO transcript (channel, address, seq, at, direction, author, body, provider_id, reply_kind) ";
    private static final String TURN_IN = LAST
            + "SELECT channel, address, seq + 1, ?, 'in', 'resident', ?, ?, ? FROM last";
    private static final String TURN_IN_OUT = TURN_IN
            + " UNION ALL SELECT channel, address, seq + 2, ?, 'out', 'bot', ?, NULL, NULL FROM last";
}
