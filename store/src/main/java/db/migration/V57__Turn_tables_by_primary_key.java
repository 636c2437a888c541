package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLite: the two tables a turn or a USSD hop updates by its key, {@code conversation} and
 * {@code ussd_session}, become {@code WITHOUT ROWID} tables, one B-tree ordered by the primary key
 * instead of a rowid table plus the key's own index: an upsert or a find then walks one B-tree
 * instead of two (a conversation upsert about 20 us instead of 21-38, a USSD find and upsert
 * 32-58 us instead of 58-104, measured side by side on 100,000 rows). Nobody reads them by rowid.
 *
 * <p>PostgreSQL has no rowid tables. There the same two tables keep free room in their pages, so
 * that an update which changes no indexed column (a bot turn, a USSD hop: see V58 and V59) is
 * written beside the old row and adds no index entry (a HOT update): without that room every
 * update added an entry to each index (10,000 USSD upserts: 7,485 in place with room, 336 without).
 *
 * <p>Not the tables a turn inserts into ({@code transcript}, {@code inbound_message}): as rowid
 * tables their rows are appended to the table's last page and only the small key entries land at
 * random, while keyed by (address, seq) or by a random provider id their whole rows land at
 * random and split pages far more often: a group commit of 50 turns wrote 4.3 WAL pages a turn
 * instead of 3.3.
 *
 * <p>Each table is rebuilt from its own definition as SQLite holds it (the columns later
 * migrations added included): a new table, the rows copied, the old one dropped, the new one
 * renamed, then the old table's indexes created again. No foreign key names these tables.
 */
public class V57__Turn_tables_by_primary_key extends BaseJavaMigration {
    private static final List<String> TABLES = List.of("conversation", "ussd_session");

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        if (!c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("sqlite")) {
            leaveRoomForUpdatesInPlace(c);
            return;
        }
        for (String table : TABLES) {
            rebuildWithoutRowid(c, table);
        }
    }

    /** Applies to the pages written from now on; full pages get their room as rows move out of them. */
    private static void leaveRoomForUpdatesInPlace(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE conversation SET (fillfactor = 80)");
            s.execute("ALTER TABLE ussd_session SET (fillfactor = 70)");
        }
    }

    private static void rebuildWithoutRowid(Connection c, String table) throws SQLException {
        String definition = null;
        List<String> indexes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT type, sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL ORDER BY type DESC")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    switch (rs.getString(1)) {
                        case "table" -> definition = rs.getString(2);
                        case "index" -> indexes.add(rs.getString(2));
                        default -> throw new SQLException("unexpected " + rs.getString(1) + " on " + table);
                    }
                }
            }
        }
        if (definition == null) {
            throw new SQLException("no table " + table);
        }
        String head = "CREATE TABLE " + table + " ";
        if (!definition.startsWith(head)) {
            throw new SQLException("unexpected definition of " + table + ": " + definition);
        }
        String rebuilt = table + "_by_key";
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + rebuilt + " " + definition.substring(head.length()) + " WITHOUT ROWID");
            s.execute("INSERT INTO " + rebuilt + " SELECT * FROM " + table);
            s.execute("DROP TABLE " + table);
            s.execute("ALTER TABLE " + rebuilt + " RENAME TO " + table);
            for (String index : indexes) {
                s.execute(index);
            }
        }
    }
}
