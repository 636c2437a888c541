package id.kanal.store.ussd;

import id.kanal.store.Database;
import id.kanal.store.Dialect;
import id.kanal.store.Statements;
import id.kanal.store.testing.TestDatabase;
import id.kanal.store.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The session table: what a hop reads from memory (SQLite) or the table, and the pruning off the hops. */
@ExtendWith(TestDatabases.class)
class SqlUssdSessionsTest {
    static final Instant NOW = Instant.parse("2026-12-05T07:00:00Z");
    static final String PHONE = "+6281234567890";

    @TempDir
    Path dir;
    Database db;
    SqlUssdSessions sessions;

    @BeforeEach
    void open(TestDatabase test) {
        db = test.open(dir, 4);
        sessions = new SqlUssdSessions(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    static StoredUssdSession session(String id, String text, Instant at) {
        return new StoredUssdSession(id, PHONE, text, "Menu", false, 0, false, at);
    }

    @Test
    void aSavedSessionIsFound_byAnotherInstanceToo_asARestartReadsIt() {
        StoredUssdSession s = session("s1", "3", NOW);
        sessions.save(s);
        assertEquals(Optional.of(s), sessions.find("s1"));
        assertEquals(Optional.of(s), sessions.findCached("s1"));
        assertEquals(Optional.of(s), new SqlUssdSessions(db).find("s1"));
        assertEquals(Optional.empty(), sessions.find("s2"));
    }

    @Test
    void onSqlite_aHopFindsItsSessionInMemory_onPostgresInTheTable() {
        sessions.save(session("s1", "3", NOW));
        // Changed behind this node's back, as only another node can on PostgreSQL.
        setPage("s1", 7);
        int expected = db.dialect() == Dialect.SQLITE ? 0 : 7;
        assertEquals(expected, sessions.find("s1").orElseThrow().page());
        assertEquals(expected, sessions.findCached("s1").orElseThrow().page());
    }

    @Test
    void findCached_onSqlite_doesNotReadTheTable_findDoes() {
        new SqlUssdSessions(db).save(session("s1", "3", NOW)); // saved by another instance: a restart
        assertEquals(db.dialect() == Dialect.SQLITE ? Optional.empty() : Optional.of(session("s1", "3", NOW)),
                sessions.findCached("s1"));
        assertEquals(Optional.of(session("s1", "3", NOW)), sessions.find("s1"));
    }

    @Test
    void aRememberedSession_isAtHandOnSqliteOnly_andNeverWritten() {
        StoredUssdSession s = session("s1", "", NOW);
        sessions.remember(s);
        assertEquals(db.dialect() == Dialect.SQLITE ? Optional.of(s) : Optional.empty(), sessions.find("s1"));
        assertEquals(0L, count());
        assertEquals(Optional.empty(), new SqlUssdSessions(db).find("s1"));
    }

    @Test
    void aFailedSave_leavesNothingInMemory_theTableAnswers() {
        sessions.save(session("s1", "3", NOW));
        refuseScreen("boom");
        StoredUssdSession failing = new StoredUssdSession("s1", PHONE, "3*1", "boom", false, 0, false, NOW.plusSeconds(1));
        assertThrows(RuntimeException.class, () -> sessions.save(failing));
        setPage("s1", 7);
        StoredUssdSession found = sessions.find("s1").orElseThrow();
        assertEquals("3", found.text());
        assertEquals(7, found.page()); // from the table, not from memory
    }

    @Test
    void prune_deletesSessionsOlderThanADay_fromTheTableAndMemory_andKeepsTheRest() {
        int old = SqlUssdSessions.PRUNE_BATCH + 3; // more than one batch
        sessions.save(session("old0", "", NOW.minus(Duration.ofDays(1)).minusSeconds(1))); // in memory too
        db.inTransaction(c -> {
            for (int i = 1; i < old; i++) {
                Statements.update(c, "INSERT INTO ussd_session (session_id, phone, input_text, screen, screen_ends, "
                        + "page, resume_pending, updated_at) VALUES (?, ?, '', 'Menu', 0, 0, 0, ?)", "old" + i, PHONE,
                        NOW.minus(Duration.ofDays(1)).minusSeconds(1 + i).toEpochMilli());
            }
            return null;
        });
        sessions.save(session("recent", "", NOW.minus(Duration.ofDays(1)).plusSeconds(1)));
        assertEquals(old, sessions.prune(NOW));
        assertEquals(Optional.empty(), sessions.findCached("old0"));
        assertEquals(Optional.empty(), sessions.find("old" + (old - 1)));
        assertEquals(1L, count());
        assertEquals("recent", sessions.find("recent").orElseThrow().sessionId());
        assertEquals(0, sessions.prune(NOW), "nothing left to prune: idempotent");
    }

    @Test
    void prune_keepsASessionSavedAgainMeanwhile() {
        sessions.save(session("s1", "", NOW.minus(Duration.ofDays(2))));
        SqlUssdSessions otherNode = new SqlUssdSessions(db);
        otherNode.save(session("s1", "1", NOW));
        assertEquals(0, sessions.prune(NOW));
        assertEquals("1", sessions.find("s1").orElseThrow().text());
    }

    private void setPage(String id, int page) {
        db.inTransaction(c -> Statements.update(c, "UPDATE ussd_session SET page = ? WHERE session_id = ?", page, id));
    }

    private void refuseScreen(String screen) {
        db.inTransaction(c -> Statements.update(c, db.dialect() == Dialect.SQLITE
                ? "CREATE TRIGGER refuse BEFORE UPDATE ON ussd_session WHEN NEW.screen = '" + screen + "' "
                + "BEGIN SELECT RAISE(ABORT, 'refused'); END"
                : "ALTER TABLE ussd_session ADD CONSTRAINT refuse CHECK (screen <> '" + screen + "')"));
    }

    private long count() {
        return db.read(c -> Statements.first(c, "SELECT COUNT(*) FROM ussd_session", rs -> rs.getLong(1)).orElseThrow());
    }
}
