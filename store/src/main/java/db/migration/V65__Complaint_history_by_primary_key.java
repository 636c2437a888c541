package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * SQLite: {@code complaint_history} becomes a {@code WITHOUT ROWID} table, one B-tree ordered by its
 * primary key (ticket, seq) instead of a rowid table plus that key's own index. Every filing writes two
 * history rows (received, then routed or linked), so each filing wrote a page of each B-tree: one WAL
 * page fewer a filing now, and a status answer's last note (the newest row of a ticket) is one walk
 * instead of two. Tickets are numbered in order, so a filing's rows still land at the tree's end. Its
 * rows are small (a status, a time, who, a short note), the kind SQLite keeps best this way. Nobody
 * reads them by rowid, and no foreign key names the table. PostgreSQL has no rowid tables: nothing to do.
 */
public class V65__Complaint_history_by_primary_key extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        if (c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("sqlite")) {
            SqliteTables.rebuildWithoutRowid(c, "complaint_history");
        }
    }
}
