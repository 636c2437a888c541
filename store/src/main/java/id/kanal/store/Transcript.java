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
 * retry finds its first reply in the resident's own transcript instead of in a table of its own keyed
 * by a random provider id. Other lines leave both columns null.
 *
 * <p>On SQLite a resident's lines are a chain (V67): each names the line before it ({@code prev}), the
 * conversation's row names the newest ({@code last_line}), and lines are appended at the table's end
 * with the ids after its highest, read in the writer's transaction (one writer at a time, this process's
 * or another's, so two never take the same). PostgreSQL keys lines by (channel, address, seq).
 */
final class Transcript {
    /** {@code reply_kind} bit: the bot's reply is the next line; without it the reply was silent. */
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
     * there. Parameters: channel, address, provider id. PostgreSQL reads its index of provider ids (it
     * asks on every turn: no Bloom filter there).
     */
    static final String REPLY = "SELECT i.reply_kind, o.body FROM transcript i LEFT JOIN transcript o "
            + "ON o.channel = i.channel AND o.address = i.address AND o.seq = i.seq + 1 AND i.reply_kind >= " + REPLY_LINE
            + " WHERE i.channel = ? AND i.address = ? AND i.provider_id = ?";

    /**
     * SQLite's {@link #REPLY}: the resident's lines from the newest back, up to the message's (a retry comes
     * soon after its message, so near the newest); the reply is the line the walk came from ({@code after}),
     * the one after the message's. {@code CROSS JOIN}: the lines in the walk's order, never a scan of the index
     * of messages by provider id (see {@link ResidentLines}). Parameters: channel, address, the newest line this
     * process knows ({@link ResidentLines#NEWEST}), provider id.
     */
    static final String REPLY_CHAINED = "WITH RECURSIVE line(id, after) AS (SELECT " + ResidentLines.NEWEST + ", NULL "
            + "UNION ALL SELECT t.prev, t.id FROM transcript t JOIN line ON t.id = line.id WHERE t.provider_id IS NOT ?4) "
            + "SELECT i.reply_kind, o.body FROM line CROSS JOIN transcript i ON i.id = line.id "
            + "LEFT JOIN transcript o ON o.id = line.after AND i.reply_kind >= " + REPLY_LINE + " WHERE i.provider_id = ?4";

    /** The reply look-up of a dialect. */
    static String reply(Dialect dialect) {
        return dialect == Dialect.SQLITE ? REPLY_CHAINED : REPLY;
    }

    /**
     * SQLite: where a resident's next lines go, read in the writer's transaction: the table's highest id,
     * and the resident's newest line (0: none) with its number.
     */
    record Head(long highestId, long line, long seq) {
        /** Nothing known. */
        static final Head NONE = new Head(0, 0, 0);

        /** Read: the newest line is the row's, or {@code newestKnown} if newer (a row behind, {@link ResidentLines#NEWEST}). */
        static Head of(Connection c, Address resident, long newestKnown) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(HEAD)) {
                ps.setString(1, resident.channel().id());
                ps.setString(2, resident.value());
                ps.setLong(3, newestKnown);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    Head head = new Head(rs.getLong(1), rs.getLong(2), rs.getLong(3));
                    Highest.remember(head.highestId());
                    return head;
                }
            }
        }

        /**
         * After a newest line this process wrote and knows ({@code known}): only the table's highest id is read,
         * and only by the first turn of a group commit's transaction.
         */
        static Head after(Connection c, Head known) throws SQLException {
            long highest = Highest.inThisTransaction();
            if (highest < 0) {
                try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM transcript");
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    highest = rs.getLong(1);
                }
                Highest.remember(highest);
            }
            return new Head(highest, known.line(), known.seq());
        }

        /** The head after {@code lines} lines were appended here. */
        Head after(int lines) {
            return new Head(highestId + lines, highestId + lines, seq + lines);
        }

        /** Binds a line after this head, {@code n} from 0, at {@code at}: its id, prev, channel, address, seq. */
        void bindLine(PreparedStatement ps, int at, Address resident, int n) throws SQLException {
            ps.setLong(at, highestId + 1 + n);
            if (n == 0 && line == 0) {
                ps.setNull(at + 1, java.sql.Types.BIGINT);
            } else {
                ps.setLong(at + 1, n == 0 ? line : highestId + n);
            }
            ps.setString(at + 2, resident.channel().id());
            ps.setString(at + 3, resident.value());
            ps.setLong(at + 4, seq + 1 + n);
        }
    }

    /**
     * The table's highest id as the transaction open on this thread left it (SQLite). A group commit runs a dozen
     * turns in one transaction, one writer at a time (this process's or another's), so after its first turn read
     * {@code MAX(id)} every line appended since is known here: the others need not read it again (it was 1.9% of
     * an SMS turn's CPU). Kept with the transaction it belongs to ({@link Database#openTransaction}): a transaction
     * rolled back, or the next one, reads it again. Every insert into the table on SQLite goes through {@link Head}.
     */
    private record Highest(Object transaction, long id) {
        private static final ThreadLocal<Highest> NOW = new ThreadLocal<>();

        /** The highest id, or -1 when this transaction has not read it yet. */
        static long inThisTransaction() {
            Highest h = NOW.get();
            Object open = Database.openTransaction();
            return h != null && open != null && h.transaction() == open ? h.id() : -1;
        }

        static void remember(long id) {
            Object open = Database.openTransaction();
            if (open == null) {
                NOW.remove();
            } else {
                NOW.set(new Highest(open, id));
            }
        }
    }

    private static final String HEAD = "SELECT (SELECT COALESCE(MAX(id), 0) FROM transcript), h.id, t.seq "
            + "FROM (SELECT " + ResidentLines.NEWEST + " AS id) h LEFT JOIN transcript t ON t.id = h.id";

    /**
     * Appends a line that is not part of a turn (an agent's, a note) to the caller's transaction. On SQLite
     * the conversation's row then names it as the newest; a line for a resident without a conversation
     * would be in no one's transcript, so it is refused.
     *
     * @return the line's number
     */
    static long append(Connection c, Dialect dialect, Address resident, long newestKnown, long at, String direction,
                       String author, String body) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            Head head = Head.of(c, resident, newestKnown);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO transcript "
                    + "(id, prev, channel, address, seq, at, direction, author, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                head.bindLine(ps, 1, resident, 0);
                ps.setLong(6, at);
                ps.setString(7, direction);
                ps.setString(8, author);
                ps.setString(9, body);
                ps.executeUpdate();
            }
            Highest.remember(head.highestId() + 1);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE conversation SET last_line = MAX(COALESCE(last_line, 0), ?) WHERE channel = ? AND address = ?")) {
                ps.setLong(1, head.highestId() + 1);
                ps.setString(2, resident.channel().id());
                ps.setString(3, resident.value());
                if (ps.executeUpdate() != 1) {
                    throw new SQLException("no conversation of this " + resident.channel().id() + " resident to add a line to");
                }
            }
            return head.seq() + 1;
        }
        long seq = lastSeq(c, resident) + 1;
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
        return seq;
    }

    /**
     * A turn's two lines: the resident's message and the bot's reply ({@code outBody} null when the
     * reply is silent: no line; the message's line records that in its {@code reply_kind}).
     */
    record TurnLines(Address resident, long inAt, String inBody, String providerId, boolean endsSession, long outAt,
                     String outBody, String state, int misunderstandings) {
        /**
         * PostgreSQL: one statement that numbers both lines after the transcript's last one: the number is
         * read and both rows written in one step, where a step is a round trip. The caller holds the
         * conversation's row lock (the turn's upsert took it), so no other writer numbers a line of this
         * transcript meanwhile. Bound by {@link #bindAfterLast}.
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

        /** How many lines: the message's, and the reply's unless it is silent. */
        int count() {
            return outBody == null ? 1 : 2;
        }

        /**
         * SQLite: appends the lines after {@code head}, as plain rows at the table's end; the message's line
         * carries the conversation after the turn (its state, misunderstandings and last activity), which the
         * row gets later when it is written behind ({@link RowsBehind}).
         */
        void append(Connection c, Head head) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(outBody == null ? ROWS_IN : ROWS_IN_OUT)) {
                head.bindLine(ps, 1, resident, 0);
                ps.setLong(6, inAt);
                ps.setString(7, inBody);
                ps.setString(8, providerId);
                ps.setInt(9, replyKind(outBody != null, endsSession));
                ps.setString(10, state);
                ps.setInt(11, misunderstandings);
                ps.setLong(12, outAt);
                if (outBody != null) {
                    head.bindLine(ps, 13, resident, 1);
                    ps.setLong(18, outAt);
                    ps.setString(19, outBody);
                }
                ps.executeUpdate();
            }
            Highest.remember(head.highestId() + count());
        }
    }

    /** PostgreSQL: the number of one transcript's last line, 0 when it has none. */
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

    private static final String ROWS_IN = "INSERT INTO transcript (id, prev, channel, address, seq, at, direction, "
            + "author, body, provider_id, reply_kind, state, misunderstandings, last_activity) "
            + "VALUES (?, ?, ?, ?, ?, ?, 'in', 'resident', ?, ?, ?, ?, ?, ?)";
    private static final String ROWS_IN_OUT = ROWS_IN + ", (?, ?, ?, ?, ?, ?, 'out', 'bot', ?, NULL, NULL, NULL, NULL, NULL)";

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
