package id.kanal.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void open_emptyDirectory_createsWalDatabaseWithSchema() {
        try (Database db = Database.openSqlite(dir)) {
            assertTrue(Files.exists(dir.resolve("kanal.db")));
            assertEquals("wal", db.read(c -> scalar(c, "PRAGMA journal_mode")));
            List<String> tables = db.read(c -> strings(c, "SELECT name FROM sqlite_master WHERE type = 'table'"));
            for (String t : List.of("region", "agency", "category", "complaint", "complaint_history", "conversation",
                    "transcript", "flyway_schema_history")) {
                assertTrue(tables.contains(t), t + " missing from " + tables);
            }
            assertFalse(tables.contains("inbound_message"), "a message is recorded on its transcript line (V63)");
            assertTrue(db.ping());
        }
    }

    @Test
    void open_existingDatabase_keepsDataAndAppliesNothingTwice() {
        try (Database db = Database.openSqlite(dir)) {
            db.inTransaction(c -> c.createStatement().executeUpdate(
                    "INSERT INTO agency (code, name) VALUES ('pupr', 'Dinas PUPR')"));
        }
        try (Database db = Database.openSqlite(dir)) {
            assertEquals("Dinas PUPR", db.read(c -> scalar(c, "SELECT name FROM agency WHERE code = 'pupr'")));
            List<String> versions = db.read(c -> strings(c,
                    "SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL"));
            assertEquals(versions.stream().distinct().toList(), versions);
            assertTrue(versions.contains("1"));
        }
    }

    @Test
    void open_databaseOfTheFirstSchema_migratesToTheLatestAndKeepsItsRows() throws Exception {
        // A database as the first release left it: schema version 1 only, with a conversation in it.
        org.flywaydb.core.Flyway.configure()
                .dataSource("jdbc:sqlite:" + dir.resolve("kanal.db"), null, null)
                .locations("classpath:db/migration").target("1").load().migrate();
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("kanal.db"));
             var st = c.createStatement()) {
            st.executeUpdate("INSERT INTO conversation (channel, address, language, state, misunderstandings, last_activity)"
                    + " VALUES ('sms', '+6281234567890', 'id', '{\"type\":\"menu\"}', 0, 1763780400000)");
            assertEquals("1", scalar(c, "SELECT MAX(version) FROM flyway_schema_history"));
        }
        try (Database db = Database.openSqlite(dir)) {
            assertEquals("+6281234567890", db.read(c -> scalar(c, "SELECT address FROM conversation")));
            List<String> versions = db.read(c -> strings(c,
                    "SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL"));
            assertTrue(versions.containsAll(List.of("1", "2", "3", "10", "11", "20", "25", "30", "40")), versions.toString());
            List<String> tables = db.read(c -> strings(c, "SELECT name FROM sqlite_master WHERE type = 'table'"));
            assertTrue(tables.containsAll(List.of("outbox", "resident", "ussd_session", "console_account")), tables.toString());
        }
    }

    @Test
    void inTransaction_whenWorkThrows_rollsBack() {
        try (Database db = Database.openSqlite(dir)) {
            assertThrows(IllegalStateException.class, () -> db.inTransaction(c -> {
                c.createStatement().executeUpdate("INSERT INTO agency (code, name) VALUES ('x', 'X')");
                throw new IllegalStateException("boom");
            }));
            assertEquals("0", db.read(c -> scalar(c, "SELECT COUNT(*) FROM agency")));
        }
    }

    @Test
    void theWritersTransactions_commitOrRollBack_andLeaveNothingOpenForAnotherProcess() {
        try (Database db = Database.openSqlite(dir); Database other = Database.openSqlite(dir)) {
            assertThrows(IllegalStateException.class, () -> db.inTransaction(c -> {
                c.createStatement().executeUpdate("INSERT INTO agency (code, name) VALUES ('x', 'X')");
                throw new IllegalStateException("boom");
            }));
            db.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO agency (code, name) VALUES ('y', 'Y')"));
            assertEquals("1", db.readOnWriter(c -> scalar(c, "SELECT COUNT(*) FROM agency")));
            // Another process (a `chat` beside the server) writes at once: the writer holds no transaction open.
            other.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO agency (code, name) VALUES ('z', 'Z')"));
            assertEquals("y,z", db.readOnWriter(c -> scalar(c, "SELECT group_concat(code, ',') FROM "
                    + "(SELECT code FROM agency ORDER BY code)")));
        }
    }

    @Test
    void close_thenPing_isFalse() {
        Database db = Database.openSqlite(dir);
        db.close();
        assertFalse(db.ping());
    }

    @Test
    void close_whileATransactionRuns_waitsForItToCommit() throws Exception {
        closeWaitsForTheRunningTransaction(Database.openSqlite(dir), () -> Database.openSqlite(dir));
    }

    /**
     * Closes a database while a transaction is inside its work, then lets the work finish: the
     * transaction commits (close waited for it) and a reopened database sees its row.
     */
    static void closeWaitsForTheRunningTransaction(Database db, java.util.function.Supplier<Database> reopen)
            throws Exception {
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch finish = new java.util.concurrent.CountDownLatch(1);
        // Own threads: the common pool may have a single one on a small machine.
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            closeWhileRunning(db, reopen, inside, finish, threads);
        } finally {
            threads.shutdownNow();
        }
    }

    private static void closeWhileRunning(Database db, java.util.function.Supplier<Database> reopen,
                                          java.util.concurrent.CountDownLatch inside,
                                          java.util.concurrent.CountDownLatch finish,
                                          java.util.concurrent.ExecutorService threads) throws Exception {
        var transaction = java.util.concurrent.CompletableFuture.runAsync(() -> db.inTransaction(c -> {
            c.createStatement().executeUpdate("INSERT INTO agency (code, name) VALUES ('late', 'Late')");
            inside.countDown();
            try {
                return finish.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }), threads);
        assertTrue(inside.await(10, java.util.concurrent.TimeUnit.SECONDS));
        var closing = java.util.concurrent.CompletableFuture.runAsync(db::close, threads);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (db.ping()) { // ping answers false once close has begun
            assertTrue(System.nanoTime() < deadline, "close did not begin");
            Thread.onSpinWait();
        }
        assertFalse(closing.isDone(), "close returned while a transaction was running");
        finish.countDown();
        transaction.get(10, java.util.concurrent.TimeUnit.SECONDS);
        closing.get(10, java.util.concurrent.TimeUnit.SECONDS);
        try (Database again = reopen.get()) {
            assertEquals("Late", again.read(c -> scalar(c, "SELECT name FROM agency WHERE code = 'late'")));
        }
    }

    @Test
    void open_unsupportedUrl_saysWhich() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Database.open("jdbc:mysql://localhost/kanal?password=secret", 1));
        assertTrue(e.getMessage().contains("jdbc:sqlite:"));
        assertFalse(e.getMessage().contains("secret"));
    }

    private static String scalar(java.sql.Connection c, String sql) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<String> strings(java.sql.Connection c, String sql) throws java.sql.SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
