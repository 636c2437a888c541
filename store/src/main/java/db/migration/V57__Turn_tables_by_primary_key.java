package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
 * <p>Each table is rebuilt by {@link SqliteTables#rebuildWithoutRowid}. No foreign key names these tables.
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
            SqliteTables.rebuildWithoutRowid(c, table);
        }
    }

    /** Applies to the pages written from now on; full pages get their room as rows move out of them. */
    private static void leaveRoomForUpdatesInPlace(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE conversation SET (fillfactor = 80)");
            s.execute("ALTER TABLE ussd_session SET (fillfactor = 70)");
        }
    }
}
