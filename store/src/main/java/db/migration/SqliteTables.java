package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** SQLite table rebuilds that migrations share. */
final class SqliteTables {
    private SqliteTables() {
    }

    /**
     * Rebuilds a table as {@code WITHOUT ROWID} (see {@link #rebuild}). The table must have a primary key
     * and no other table's foreign key may name it.
     */
    static void rebuildWithoutRowid(Connection c, String table) throws SQLException {
        rebuild(c, table, body -> body + " WITHOUT ROWID", index -> true);
    }

    /**
     * Rebuilds a table from its own definition as SQLite holds it (the columns later migrations added
     * included), changed by {@code body} (what follows {@code CREATE TABLE name}): a new table, the rows
     * copied, the old one dropped, the new one renamed, then the old table's indexes that {@code keep}
     * accepts (by their {@code CREATE INDEX} statement) created again. A table other tables' foreign keys
     * name may be rebuilt only with foreign keys off (dropping it would delete their rows' parents).
     */
    static void rebuild(Connection c, String table, UnaryOperator<String> body, Predicate<String> keep)
            throws SQLException {
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
        String head = definition.startsWith("CREATE TABLE \"" + table + "\" ") ? "CREATE TABLE \"" + table + "\" "
                : "CREATE TABLE " + table + " ";
        if (!definition.startsWith(head)) {
            throw new SQLException("unexpected definition of " + table + ": " + definition);
        }
        String rebuilt = table + "_rebuilt";
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + rebuilt + " " + body.apply(definition.substring(head.length())));
            s.execute("INSERT INTO " + rebuilt + " SELECT * FROM " + table);
            s.execute("DROP TABLE " + table);
            s.execute("ALTER TABLE " + rebuilt + " RENAME TO " + table);
            for (String index : indexes) {
                if (keep.test(index)) {
                    s.execute(index);
                }
            }
        }
    }
}
