package id.kanal.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SQLite's log reaches the database file without a commit having to copy it. */
class WalCheckpointerTest {
    @TempDir
    Path dir;

    /**
     * A log that grew (a steady load never lets a passive copy finish) is copied once more with
     * writers held back, so that the next commit writes it from its start instead of growing it
     * to the backstop, where a turn's commit did the copy while every other turn waited.
     */
    @Test
    void aGrownLog_isRestarted_withWritersHeldBackOnce() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("grown.db").toAbsolutePath();
        AtomicInteger pauses = new AtomicInteger();
        Lock writers = new ReentrantLock() {
            @Override
            public void lock() {
                pauses.incrementAndGet();
                super.lock();
            }
        };
        try (Connection writer = DriverManager.getConnection(url); Statement w = writer.createStatement()) {
            w.execute("PRAGMA journal_mode = WAL");
            w.execute("PRAGMA wal_autocheckpoint = 0"); // only the checkpointer copies
            w.execute("CREATE TABLE t (b BLOB)");
            try (WalCheckpointer checkpointer = WalCheckpointer.start(url, new java.util.Properties(), writers,
                    Duration.ofDays(1))) {
                checkpointer.checkpoint();
                assertEquals(0, pauses.get(), "a small log is copied without holding writers back");
                for (int i = 0; i < 20; i++) { // 20 commits of 1 MiB: about 5,100 frames of 4 KiB
                    w.executeUpdate("INSERT INTO t (b) VALUES (zeroblob(1048576))");
                }
                assertTrue(framesInLog(w) >= WalCheckpointer.RESTART_FROM_FRAMES);
                checkpointer.checkpoint();
                assertEquals(1, pauses.get());
                w.executeUpdate("INSERT INTO t (b) VALUES (x'01')");
                assertTrue(framesInLog(w) < 10, "the commit after it wrote the log from its start");
            }
        }
    }

    /** The frames the log holds, as a passive checkpoint (which copies nothing new here) reports them. */
    private static int framesInLog(Statement s) throws java.sql.SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            rs.next();
            return rs.getInt(2);
        }
    }

    @Test
    void committedPages_reachTheDatabaseFile_inTheBackground() throws Exception {
        try (Database db = Database.openSqlite(dir)) {
            Path file = dir.resolve("kanal.db");
            db.inTransaction(c -> c.createStatement().executeUpdate("CREATE TABLE cp_test (id INTEGER PRIMARY KEY, b BLOB)"));
            long before = Files.size(file);
            // 1 MiB: far below the backstop, so no commit checkpoints by itself.
            db.inTransaction(c -> c.createStatement().executeUpdate(
                    "INSERT INTO cp_test (b) VALUES (zeroblob(1048576))"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (Files.size(file) < before + 1_000_000) {
                assertTrue(System.nanoTime() < deadline, "the log was not copied into the file");
                Thread.onSpinWait();
            }
            assertEquals(1L, (long) db.read(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM cp_test")) {
                    rs.next();
                    return rs.getLong(1);
                }
            }));
        }
    }
}
