package id.kanal.store.ussd;

import id.kanal.store.Database;
import id.kanal.store.Statements;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** USSD sessions in the {@code ussd_session} table, so every node (and a restart) sees them. */
public final class SqlUssdSessions {
    /** Sessions last a few minutes; a day keeps them for support questions, then they go. */
    private static final Duration KEEP = Duration.ofDays(1);
    private static final String COLUMNS = "session_id, phone, input_text, screen, screen_ends, page, resume_pending, updated_at";

    private final Database database;
    private final AtomicInteger saves = new AtomicInteger();

    public SqlUssdSessions(Database database) {
        this.database = database;
    }

    public Optional<StoredUssdSession> find(String sessionId) {
        return database.read(c -> Statements.first(c, "SELECT " + COLUMNS + " FROM ussd_session WHERE session_id = ?",
                SqlUssdSessions::row, sessionId));
    }

    /** The most recently updated session of a phone number other than {@code exceptSessionId}. */
    public Optional<StoredUssdSession> latestFor(String phone, String exceptSessionId) {
        return database.read(c -> Statements.first(c, "SELECT " + COLUMNS + " FROM ussd_session WHERE phone = ? "
                + "AND session_id <> ? ORDER BY updated_at DESC LIMIT 1", SqlUssdSessions::row, phone, exceptSessionId));
    }

    /**
     * Inserts or replaces the session with its id; now and then drops the sessions older than a day.
     * It shares the commit of the turns saved meanwhile: on its own it paid an fsync per screen.
     */
    public void save(StoredUssdSession s) {
        boolean prune = saves.incrementAndGet() % 500 == 0;
        database.inGroupCommit(c -> {
            Statements.update(c, "INSERT INTO ussd_session (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                            + "ON CONFLICT (session_id) DO UPDATE SET input_text = excluded.input_text, screen = excluded.screen, screen_ends = excluded.screen_ends, "
                            + "page = excluded.page, resume_pending = excluded.resume_pending, updated_at = excluded.updated_at",
                    s.sessionId(), s.phone(), s.text(), s.screen(), s.screenEnds() ? 1 : 0, s.page(),
                    s.resumePending() ? 1 : 0, s.updatedAt().toEpochMilli());
            if (prune) {
                Statements.update(c, "DELETE FROM ussd_session WHERE updated_at < ?",
                        s.updatedAt().minus(KEEP).toEpochMilli());
            }
            return null;
        });
    }

    private static StoredUssdSession row(ResultSet rs) throws SQLException {
        return new StoredUssdSession(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getInt(5) != 0, rs.getInt(6), rs.getInt(7) != 0, Instant.ofEpochMilli(rs.getLong(8)));
    }
}
