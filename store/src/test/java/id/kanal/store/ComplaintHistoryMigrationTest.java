package id.kanal.store;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A SQLite database whose complaint history was written before V65 opens with every history row, the
 * table now one B-tree by (ticket, seq) ({@code WITHOUT ROWID}), the later migrations' index on it, and
 * a new row numbered after the old ones.
 */
class ComplaintHistoryMigrationTest {
    @TempDir
    Path dir;

    @Test
    void historyWrittenBeforeV65_isKept_inATableByItsKey() throws SQLException {
        String url = "jdbc:sqlite:" + dir.resolve("kanal.db").toAbsolutePath();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("64").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO agency (code, name) VALUES ('DLH', 'Dinas Lingkungan Hidup')");
            s.executeUpdate("INSERT INTO category (code, position, name_id, name_en, agency_code, keywords, resolution_days) VALUES ('sampah', 1, 'Sampah', 'Rubbish', 'DLH', '', 3)");
            for (int n = 1; n <= 2; n++) {
                s.executeUpdate("INSERT INTO complaint (ticket, idempotency_key, category_code, agency_code, location, description, "
                        + "reporter_channel, reporter_address, status, filed_at, updated_at) VALUES ('TNG-00000" + n + "', 'sms:SM" + n
                        + "', 'sampah', 'DLH', 'Pasar Lama', 'sampah numpuk', 'sms', '+6281234567890', 'ASSIGNED', 1000, 1000)");
            }
            s.executeUpdate("INSERT INTO complaint_history (ticket, seq, status, changed_at, changed_by, note) VALUES "
                    + "('TNG-000001', 1, 'RECEIVED', 1000, 'resident:sms', ''), "
                    + "('TNG-000001', 2, 'ASSIGNED', 1001, 'kanal:routing', 'routed to DLH'), "
                    + "('TNG-000001', 3, 'RESOLVED', 5000, 'staff:budi', 'sudah diangkut'), "
                    + "('TNG-000002', 1, 'RECEIVED', 2000, 'resident:sms', '')");
        }
        try (Database db = Database.openSqlite(dir)) {
            db.inTransaction(c -> Statements.update(c, "INSERT INTO complaint_history (ticket, seq, status, changed_at, "
                    + "changed_by, note) VALUES ('TNG-000002', 2, 'ASSIGNED', 2001, 'kanal:routing', 'routed to DLH')"));
            assertEquals(List.of("TNG-000001 1 RECEIVED", "TNG-000001 2 ASSIGNED routed to DLH",
                    "TNG-000001 3 RESOLVED sudah diangkut", "TNG-000002 1 RECEIVED", "TNG-000002 2 ASSIGNED routed to DLH"),
                    db.read(c -> Statements.list(c, "SELECT ticket, seq, status, note FROM complaint_history ORDER BY ticket, seq",
                            rs -> (rs.getString(1) + " " + rs.getInt(2) + " " + rs.getString(3) + " " + rs.getString(4)).strip())));
            assertTrue(db.read(c -> Statements.first(c, "SELECT sql FROM sqlite_master WHERE type = 'table' "
                    + "AND name = 'complaint_history'", rs -> rs.getString(1))).orElseThrow().endsWith("WITHOUT ROWID"));
            assertEquals(List.of("complaint_history_resolved"), db.read(c -> Statements.list(c, "SELECT name FROM sqlite_master "
                    + "WHERE type = 'index' AND tbl_name = 'complaint_history' AND sql IS NOT NULL", rs -> rs.getString(1))));
            assertEquals(List.of("TNG-000001 5000"), db.read(c -> Statements.list(c, "SELECT ticket, changed_at FROM "
                    + "complaint_history WHERE status = 'RESOLVED' AND changed_at >= 4000", rs -> rs.getString(1) + " " + rs.getLong(2))));
        }
    }
}
