package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * SQLite: a resident's transcript is a chain instead of a key. Each line names the resident's line
 * before it ({@code prev}), the conversation's row names the newest ({@code last_line}), and the table,
 * keyed by its own {@code id}, has no index by resident: a turn's lines are appended at the table's
 * end. The key (channel, address, seq) put each turn's lines on a leaf page at random among all the
 * residents' lines, which SQLite read (its cache holds a small part of them) and wrote to the log at the
 * commit: a throwaway harness of a turn's lines in group commits of 14, 20,000 residents, measured 29-32
 * us and 26 log pages a commit with the key, 13-14 us and 6 pages with none.
 *
 * <p>A bot-mode conversation's row is still written behind its turns (V64): until its flush the newest
 * lines are named from memory, the message line carries the conversation after the turn, and
 * {@code transcript_mark.covered} is the id up to which every line is named by its row, from which a start
 * after a crash folds the later lines into their rows ({@code id.kanal.store.RowsBehind}).
 *
 * <p>The old rowids become the lines' ids (they are the order lines were written in); each line's
 * {@code prev} is the resident's line numbered before it. Rows still behind their lines catch up here
 * first, so the new mark starts at the newest line. Readers walk a resident's lines from the newest
 * ({@code id.kanal.store.ResidentLines}). PostgreSQL keeps its key: several nodes write there, and a line's
 * number is read under the conversation row's lock; it gets the (unused) mark table too, and loses
 * {@code conversation.line_seq}.
 */
public class V67__Transcript_chained_per_resident extends BaseJavaMigration {
    /** Each conversation's newest line that carries a state after the row's {@code line_seq}, onto the row. */
    private static final String CATCH_UP = "UPDATE conversation SET state = n.state, misunderstandings = n.misunderstandings, "
            + "last_activity = n.last_activity FROM (SELECT t.channel, t.address, t.state, t.misunderstandings, "
            + "t.last_activity, ROW_NUMBER() OVER (PARTITION BY t.channel, t.address ORDER BY t.seq DESC) AS r "
            + "FROM transcript t JOIN conversation c ON c.channel = t.channel AND c.address = t.address "
            + "WHERE t.seq > c.line_seq AND t.state IS NOT NULL) n "
            + "WHERE n.r = 1 AND conversation.channel = n.channel AND conversation.address = n.address";

    private static final String CHAINED = "CREATE TABLE transcript_chained (id INTEGER PRIMARY KEY, prev INTEGER, "
            + "channel TEXT NOT NULL, address TEXT NOT NULL, seq BIGINT NOT NULL, at BIGINT NOT NULL, "
            + "direction TEXT NOT NULL, author TEXT NOT NULL, body TEXT NOT NULL, provider_id TEXT, reply_kind INTEGER, "
            + "state TEXT, misunderstandings INTEGER, last_activity BIGINT)";

    private static final String COPY = "INSERT INTO transcript_chained (id, prev, channel, address, seq, at, direction, "
            + "author, body, provider_id, reply_kind) SELECT rowid, LAG(rowid) OVER (PARTITION BY channel, address "
            + "ORDER BY seq), channel, address, seq, at, direction, author, body, provider_id, reply_kind FROM transcript";

    /** Read through the old key, before the table goes. */
    private static final String HEADS = "UPDATE conversation SET last_line = (SELECT t.rowid FROM transcript t "
            + "WHERE t.channel = conversation.channel AND t.address = conversation.address ORDER BY t.seq DESC LIMIT 1)";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        boolean sqlite = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("sqlite");
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE transcript_mark (covered BIGINT NOT NULL)");
            if (!sqlite) {
                s.execute("ALTER TABLE conversation DROP COLUMN line_seq");
                return;
            }
            s.execute(CATCH_UP);
            s.execute("ALTER TABLE conversation ADD COLUMN last_line INTEGER");
            s.execute(HEADS);
            s.execute(CHAINED);
            s.execute(COPY);
            s.execute("DROP TABLE transcript");
            s.execute("ALTER TABLE transcript_chained RENAME TO transcript");
            s.execute("CREATE INDEX transcript_message_at ON transcript (at, channel, provider_id) "
                    + "WHERE provider_id IS NOT NULL");
            s.execute("ALTER TABLE conversation DROP COLUMN line_seq");
            s.execute("INSERT INTO transcript_mark (covered) SELECT COALESCE(MAX(id), 0) FROM transcript");
        }
    }
}
