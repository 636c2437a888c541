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
    void aReadOnTheWriter_usesItsWarmConnection_butInsideATransactionAReader() {
        try (Database db = Database.openSqlite(dir)) {
            Connection writer = db.inTransaction(c -> c);
            db.inTransaction(c -> c.createStatement().executeUpdate("CREATE TABLE r (id INTEGER PRIMARY KEY)"));
            db.inGroupCommit(c -> c.createStatement().executeUpdate("INSERT INTO r VALUES (1)"));
            assertSame(writer, db.readOnWriter(c -> c));
            assertEquals(1L, (long) db.readOnWriter(c -> query(c, "SELECT count(*) FROM r")), "it sees what committed");
            // Inside this thread's transaction the writer holds uncommitted work: a read there must not see it.
            assertEquals(0L, (long) db.inTransaction(c -> {
                c.createStatement().executeUpdate("INSERT INTO r VALUES (2)");
                Connection used = db.readOnWriter(r -> r);
                assertNotSame(writer, used);
                return db.readOnWriter(r -> query(r, "SELECT count(*) FROM r WHERE id = 2"));
            }));
        }
    }

    @Test
    void aReadOnTheWriterOverItsBudget_runsAgainOnAReader_andTheWriterIsLeftWithoutTheBudget() {
        try (Database db = Database.openSqlite(dir)) {
            Connection writer = db.inTransaction(c -> c);
            String counting = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000) "
                    + "SELECT count(*) FROM n";
            java.util.List<Connection> used = new java.util.ArrayList<>();
            assertEquals(200_000L, (long) db.readOnWriter(c -> {
                used.add(c);
                return query(c, counting);
            }));
            assertEquals(2, used.size(), "stopped on the writer, then read again");
            assertSame(writer, used.get(0));
            assertNotSame(writer, used.get(1));
            // The budget was the read's only: a long write on the writer runs to its end.
            db.inTransaction(c -> c.createStatement().executeUpdate("CREATE TABLE big AS " + counting.replace(
                    "SELECT count(*) FROM n", "SELECT i FROM n")));
            assertEquals(200_000L, (long) db.readOnWriter(c -> query(c, "SELECT max(i) FROM big")));
        }
    }

    @Test
    void cheapReadsOnTheWriter_stayThere_howeverOftenTheirStatementRuns() {
        try (Database db = Database.openSqlite(dir)) {
            Connection writer = db.inTransaction(c -> c);
            // About 1,500 SQLite steps a run: 300 runs step one cached statement well past any budget in steps.
            String sql = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) SELECT count(*) FROM n";
            for (int run = 0; run < 300; run++) {
                // A budget no pause of this thread can exceed: only a budget counted in steps could stop these.
                Connection used = db.readOnWriter(c -> {
                    try (var ps = c.prepareStatement(sql)) {
                        ps.setInt(1, 100);
                        try (var rs = ps.executeQuery()) {
                            rs.next();
                            assertEquals(100L, rs.getLong(1));
                        }
                    }
                    return c;
                }, java.time.Duration.ofMinutes(1));
                assertSame(writer, used, "run " + run + " stayed on the writer");
            }
        }
    }

    @Test
    void aReadStoppedByItsBudget_leavesItsStatementCachedForTheNext() {
        try (Database db = Database.openSqlite(dir)) {
            db.inTransaction(c -> c.createStatement().executeUpdate("CREATE TABLE many AS WITH RECURSIVE n(i) AS "
                    + "(SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000000) SELECT i FROM n"));
            String sql = "SELECT count(*) FROM many WHERE i % 7 = ?";
            SqlWork<java.sql.PreparedStatement> counting = c -> {
                try (var ps = c.prepareStatement(sql)) {
                    ps.setInt(1, 3);
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                    }
                    return ps;
                }
            };
            db.readOnWriter(counting); // two million rows: stopped on the writer, then read on a reader
            db.inTransaction(c -> c.createStatement().executeUpdate("DELETE FROM many WHERE i > 10"));
            java.time.Duration ample = java.time.Duration.ofMinutes(1);
            assertSame(db.readOnWriter(counting, ample), db.readOnWriter(counting, ample), "the writer's cached statement, again");
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
