package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A turn's message is recorded for deduplication in the resident's transcript, on the message's own
 * line, instead of a row of {@code inbound_message}: the line gets the message's provider id and how
 * it was answered ({@code reply_kind}: 2 when the bot's reply is the next line, plus 1 when the reply
 * ended the session; 0 for a silent reply), and a provider's retry finds the reply there. On SQLite
 * each turn then writes no row to a table of its own and, above all, no entry in that table's key
 * index, which a random provider id put on a random leaf page: one statement, three B-tree entries
 * and one page written at random fewer a turn. The reply's text was already the bot's line.
 *
 * <p>The rows {@code inbound_message} holds are copied onto their lines, so that a retry arriving
 * just after the upgrade still gets its first reply, and the table is dropped: nothing reads it any
 * more, and a fallback look-up kept for old rows would be one more query on every PostgreSQL turn and
 * one more place that knows the record's shape. Since the first version a turn wrote its row and its
 * lines in one transaction, with the line's time the message's {@code received_at}, so every row has
 * its line: first matched on the resident, the time and the reply (the text of the bot's next line,
 * empty when none), then, for a silent reply followed by a line of the bot's that was not a turn's
 * (an agent handed the conversation back), on the resident and the time alone. Two messages of one
 * resident in the same millisecond are paired in order. A row without a line (none is known) is
 * counted in a warning.
 *
 * <p>Indexes: the dashboard counts messages by time, so the message lines get a partial index by
 * time (appended at its end, like the old table's {@code received_at} index), which also holds the
 * channel and provider id: SQLite's Bloom filter of provider ids is read from it at start without
 * reading the transcript's texts. PostgreSQL asks for the earlier reply on every turn (it has no
 * such filter, several nodes write), so there the message lines also get a partial index by provider
 * id; the transcript's key would make that look-up read every line of the resident.
 */
public class V63__Messages_recorded_in_the_transcript extends BaseJavaMigration {
    private static final System.Logger LOG = System.getLogger(V63__Messages_recorded_in_the_transcript.class.getName());

    /** Each old row as the kind of reply it records and its rank among the resident's rows of that millisecond. */
    private static final String ROWS = "SELECT channel, address, received_at, reply, provider_id, "
            + "CASE WHEN reply = '' THEN 0 ELSE 2 END + reply_end AS kind, ROW_NUMBER() OVER (PARTITION BY %s "
            + "ORDER BY provider_id) AS n FROM inbound_message m";

    /** Lines and rows that pair up (the same rank), onto the lines. */
    private static final String COPY = "UPDATE transcript SET provider_id = x.provider_id, reply_kind = x.kind FROM ("
            + "SELECT l.channel, l.address, l.seq, m.provider_id, m.kind FROM (%s) l JOIN (%s) m "
            + "ON m.channel = l.channel AND m.address = l.address AND m.received_at = l.at AND m.n = l.n%s) x "
            + "WHERE transcript.channel = x.channel AND transcript.address = x.address AND transcript.seq = x.seq";

    /** First pass: a message line with the text of the bot's line after it (empty: none), ranked among its equals. */
    private static final String LINES_WITH_REPLY = "SELECT i.channel, i.address, i.seq, i.at, COALESCE(o.body, '') AS reply, "
            + "ROW_NUMBER() OVER (PARTITION BY i.channel, i.address, i.at, COALESCE(o.body, '') ORDER BY i.seq) AS n "
            + "FROM transcript i LEFT JOIN transcript o ON o.channel = i.channel AND o.address = i.address "
            + "AND o.seq = i.seq + 1 AND o.author = 'bot' WHERE i.direction = 'in'";

    /** Second pass: the message lines still without an id, ranked by time alone. */
    private static final String LINES_LEFT = "SELECT channel, address, seq, at, ROW_NUMBER() OVER "
            + "(PARTITION BY channel, address, at ORDER BY seq) AS n FROM transcript WHERE direction = 'in' AND provider_id IS NULL";

    /** The rows the first pass did not copy (read through the index by time, made before the second pass). */
    private static final String NOT_COPIED = " WHERE NOT EXISTS (SELECT 1 FROM transcript t WHERE t.at = m.received_at "
            + "AND t.channel = m.channel AND t.provider_id = m.provider_id AND t.provider_id IS NOT NULL)";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        boolean sqlite = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("sqlite");
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE transcript ADD COLUMN provider_id TEXT");
            s.execute("ALTER TABLE transcript ADD COLUMN reply_kind INTEGER");
            long rows = count(s, "SELECT COUNT(*) FROM inbound_message");
            long copied = s.executeUpdate(String.format(COPY, LINES_WITH_REPLY,
                    String.format(ROWS, "channel, address, received_at, reply"), " AND m.reply = l.reply"));
            s.execute("CREATE INDEX transcript_message_at ON transcript (at, channel, provider_id) "
                    + "WHERE provider_id IS NOT NULL");
            if (copied < rows) {
                copied += s.executeUpdate(String.format(COPY, LINES_LEFT,
                        String.format(ROWS, "channel, address, received_at") + NOT_COPIED, ""));
            }
            if (copied < rows) {
                LOG.log(System.Logger.Level.WARNING, "{0} of {1} recorded messages have no line in their transcript: "
                        + "a retry of one of them is handled as a new message", rows - copied, rows);
            }
            if (!sqlite) {
                s.execute("CREATE INDEX transcript_message ON transcript (provider_id) WHERE provider_id IS NOT NULL");
            }
            s.execute("DROP TABLE inbound_message");
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
