package id.kanal.store;

/** The SQL dialects Kanal runs on; the schema and queries are written to work on both. */
public enum Dialect {
    SQLITE, POSTGRESQL;

    static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported JDBC URL (use jdbc:sqlite: or jdbc:postgresql:): "
                + jdbcUrl.replaceAll("password=[^&]*", "password=***"));
    }
}
