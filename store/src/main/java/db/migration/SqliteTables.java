package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** SQLite table rebuilds that migrations share. */
final class SqliteTables {
    private SqliteTables() {
    }

    /**
     * Rebuilds a table as {@code WITHOUT ROWID} from its own definition as SQLite holds it (the columns
     * later migrations added included): a new table, the rows copied, the old one dropped, the new one
     * renamed, then the old table's indexes created again. The table must have a primary key and no
     * other table's foreign key may name it.
     */
    static void rebuildWithoutRowid(Connection c, String table) throws SQLException {
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
