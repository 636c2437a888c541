package id.kanal.store;

import id.kanal.store.testing.PostgresSchema;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * V66: a database with complaints, their history and media (written at V65) opens with all of them; a
 * complaint's idempotency key is then unique per reporter, in {@code complaint_reporter_idempotency}, which
 * replaced {@code complaint_reporter_category}; on SQLite, whose complaint table was rebuilt with foreign
 * keys off, they are on again afterwards. PostgreSQL with {@code KANAL_TEST_PG_URL}.
 */
class IdempotencyKeyMigrationTest {
    @TempDir
    Path dir;

    @Test
    void sqliteDatabaseAtV65_keepsItsComplaints_keysUniquePerReporter() throws SQLException {
        String url = "jdbc:sqlite:" + dir.resolve("kanal.db").toAbsolutePath();
        writeAtV65(url);
        try (Database db = Database.openSqlite(dir)) {
            assertMigrated(db);
            assertThrows(DatabaseException.class, () -> db.inTransaction(c -> Statements.update(c,
                    "INSERT INTO complaint_history (ticket, seq, status, changed_at, changed_by, note) "
                            + "VALUES ('TNG-000404', 1, 'RECEIVED', 1, 'x', '')")), "foreign keys are on again");
            assertEquals(List.of(), db.read(c -> Statements.list(c, "PRAGMA foreign_key_check", rs -> rs.getString(1))));
        }
    }

    @Test
    void postgresDatabaseAtV65_keepsItsComplaints_keysUniquePerReporter() throws SQLException {
        try (PostgresSchema schema = PostgresSchema.create()) {
            writeAtV65(schema.url());
            try (Database db = schema.open(2)) {
                assertMigrated(db);
            }
        }
    }

    private static void writeAtV65(String url) throws SQLException {
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("65").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO agency (code, name) VALUES ('DLH', 'Dinas Lingkungan Hidup')");
            s.executeUpdate("INSERT INTO category (code, position, name_id, name_en, agency_code, keywords, resolution_days) "
                    + "VALUES ('sampah', 1, 'Sampah', 'Rubbish', 'DLH', '', 3)");
            for (int n = 1; n <= 3; n++) {
                s.executeUpdate("INSERT INTO complaint (ticket, idempotency_key, category_code, agency_code, location, "
                        + "description, reporter_channel, reporter_address, status, filed_at, updated_at) VALUES ('TNG-00000" + n
                        + "', 'sms:SM" + n + "', 'sampah', 'DLH', 'Pasar Lama', 'sampah numpuk', 'sms', '+62812345678" + (n % 2)
                        + "', 'ASSIGNED', " + n + ", " + n + ")");
                s.executeUpdate("INSERT INTO complaint_history (ticket, seq, status, changed_at, changed_by, note) VALUES "
                        + "('TNG-00000" + n + "', 1, 'RECEIVED', " + n + ", 'resident:sms', '')");
            }
            s.executeUpdate("INSERT INTO complaint_media (ticket, position, url, content_type) "
                    + "VALUES ('TNG-000002', 0, 'https://api.twilio.com/x', 'image/jpeg')");
        }
    }

    private static void assertMigrated(Database db) {
        assertEquals(List.of("TNG-000001 sms:SM1 +628123456781 1", "TNG-000002 sms:SM2 +628123456780 1",
                        "TNG-000003 sms:SM3 +628123456781 1"),
                db.read(c -> Statements.list(c, "SELECT c.ticket, c.idempotency_key, c.reporter_address, "
                        + "(SELECT COUNT(*) FROM complaint_history h WHERE h.ticket = c.ticket) FROM complaint c ORDER BY c.ticket",
                        rs -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getLong(4))));
        assertEquals(List.of("TNG-000002"), db.read(c -> Statements.list(c, "SELECT ticket FROM complaint_media",
                rs -> rs.getString(1))));
        // The same key from another reporter is another complaint; from the same reporter it is refused.
        db.inTransaction(c -> Statements.update(c, insert("TNG-000004", "sms:SM1", "+628123456789")));
        assertThrows(DatabaseException.class, () -> db.inTransaction(c -> Statements.update(c,
                insert("TNG-000005", "sms:SM1", "+628123456781"))));
        List<String> indexes = db.read(c -> Statements.list(c, db.dialect() == Dialect.SQLITE
                ? "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'complaint' AND name LIKE 'complaint_reporter%'"
                : "SELECT indexname FROM pg_indexes WHERE tablename = 'complaint' AND schemaname = current_schema() "
                + "AND indexname LIKE 'complaint_reporter%'", rs -> rs.getString(1)));
        assertEquals(List.of("complaint_reporter_idempotency"), indexes);
        assertTrue(db.read(c -> Statements.first(c, "SELECT COUNT(*) FROM complaint WHERE idempotency_key = 'sms:SM1'",
                rs -> rs.getLong(1))).orElseThrow() == 2);
    }

    private static String insert(String ticket, String key, String reporter) {
        return "INSERT INTO complaint (ticket, idempotency_key, category_code, agency_code, location, description, "
                + "reporter_channel, reporter_address, status, filed_at, updated_at) VALUES ('" + ticket + "', '" + key
                + "', 'sampah', 'DLH', 'Pasar Lama', 'sampah numpuk', 'sms', '" + reporter + "', 'ASSIGNED', 9, 9)";
    }
}
