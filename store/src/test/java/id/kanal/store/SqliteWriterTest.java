package id.kanal.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SQLite's write transactions all run on one connection, whose page cache outlives each commit. */
class SqliteWriterTest {
    @TempDir
    Path dir;

    @Test
    void writeTransactions_shareOneConnection_withSqlitesDefaultPageCache() {
        try (Database db = Database.openSqlite(dir)) {
            Connection first = db.inTransaction(c -> c);
            assertSame(first, db.inTransaction(c -> c));
            assertSame(first, db.inGroupCommit(c -> c), "group commits are write transactions too");
            assertNotSame(first, db.read(c -> c), "reads keep the readers");
            // A large one cost a walk of its whole hash table at every commit that grew the file (Database).
            assertEquals(-2_000L, (long) db.inTransaction(c -> pragma(c, "cache_size")));
            // Readers drop their cache whenever the writer commits: a large one would only hold memory.
            assertEquals(-2_000L, (long) db.read(c -> pragma(c, "cache_size")));
        }
    }

    @Test
    void everyCommitOfTheWriter_isSyncedBeforeItReturns_whileReadersKeepFullSync() {
        try (Database db = Database.openSqlite(dir)) {
            // NORMAL: SQLite leaves the log's sync after a commit to the pool, which syncs it (fdatasync).
            assertEquals(1L, (long) db.inTransaction(c -> pragma(c, "synchronous")));
            assertEquals(2L, (long) db.read(c -> pragma(c, "synchronous")), "a nested transaction writes on a reader");
            db.inTransaction(c -> c.createStatement().executeUpdate("CREATE TABLE s (id INTEGER PRIMARY KEY)"));
            long before = db.logSyncsForTests();
            for (int i = 1; i <= 3; i++) {
                int id = i;
                db.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO s VALUES (" + id + ")"));
                assertEquals(before + i, db.logSyncsForTests(), "synced before the commit returned");
            }
            db.inGroupCommit(c -> c.createStatement().executeUpdate("INSERT INTO s VALUES (4)"));
            assertEquals(before + 4, db.logSyncsForTests(), "a group commit is synced too");
            assertThrows(DatabaseException.class, () -> db.inTransaction(c -> {
                c.createStatement().executeUpdate("INSERT INTO s VALUES (5)");
                throw new SQLException("the work fails");
            }));
            assertEquals(before + 4, db.logSyncsForTests(), "a rolled-back transaction has nothing to sync");
        }
    }

    @Test
    void aWriterWhoseThreadIsInterrupted_stillSyncs_andTheLogStaysUsableForTheNext() {
        try (Database db = Database.openSqlite(dir)) {
            db.inTransaction(c -> c.createStatement().executeUpdate("CREATE TABLE i (id INTEGER PRIMARY KEY)"));
            long before = db.logSyncsForTests();
            // An interrupted thread's FileChannel.force closes the channel (ClosedByInterruptException): the
            // pool's one descriptor of the log, which every later commit would then fail to sync.
            Thread.currentThread().interrupt();
            boolean kept;
            try {
                db.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO i VALUES (1)"));
            } finally {
                kept = Thread.interrupted();
            }
            assertTrue(kept, "the interrupt is the caller's to handle");
            assertEquals(before + 1, db.logSyncsForTests(), "the interrupted commit was synced");
            db.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO i VALUES (2)"));
            assertEquals(before + 2, db.logSyncsForTests());
            assertEquals(3L, (long) db.read(c -> query(c, "SELECT sum(id) FROM i")));
        }
    }

    @Test
    void aDatabaseWithoutALogFile_leavesTheSyncToSqlite() {
        try (Database db = Database.open("jdbc:sqlite:file:nolog?mode=memory&cache=shared", 2)) {
            assertEquals(2L, (long) db.inTransaction(c -> pragma(c, "synchronous")), "FULL: nothing for the pool to sync");
            db.inTransaction(c -> c.createStatement().executeUpdate("CREATE TABLE m (id INTEGER PRIMARY KEY)"));
            assertEquals(0L, db.logSyncsForTests());
        }
    }

    @Test
    void aWriterClosedByMistake_isReplaced_andTheNextWriteCommits() {
        try (Database db = Database.openSqlite(dir)) {
            db.inTransaction(c -> c.createStatement().executeUpdate("CREATE TABLE w (id INTEGER PRIMARY KEY)"));
            assertThrows(DatabaseException.class, () -> db.inTransaction(c -> {
                c.createStatement().executeUpdate("INSERT INTO w VALUES (1)");
                c.close();
                return null;
            }));
            db.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO w VALUES (2)"));
            assertEquals(2L, (long) db.read(c -> query(c, "SELECT sum(id) FROM w")), "only the second write committed");
            assertEquals(1L, (long) db.inTransaction(c -> pragma(c, "synchronous")), "the new writer leaves the sync to the pool");
        }
    }

    private static long pragma(Connection c, String name) throws SQLException {
        return query(c, "PRAGMA " + name);
    }

    private static long query(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
