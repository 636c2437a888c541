package id.kanal.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SQLite's log reaches the database file without a commit having to copy it. */
class WalCheckpointerTest {
    @TempDir
    Path dir;

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
