package id.kanal.store.testing;

import id.kanal.store.Database;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One fresh PostgreSQL schema for a test class, emptied before each of its tests: a test class
 * that runs an SQLite test class's tests on PostgreSQL registers it as a static field
 * ({@code @RegisterExtension}) and opens its database with {@link #open(int)}.
 *
 * <p>Migrating a schema costs PostgreSQL about half a second, so the schema is migrated once per
 * class; before every test (ahead of the test's own {@code @BeforeEach}) all its tables but
 * Flyway's history are truncated, which leaves exactly what the migrations leave: the
 * migrations insert no rows. The schema has a random name and is dropped after the class, so
 * concurrent runs and other classes never see its rows.
 */
public final class PostgresPerClass implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private PostgresSchema schema;

    @Override
    public void beforeAll(ExtensionContext context) {
        schema = PostgresSchema.create();
        schema.open(1).close();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws SQLException {
        try (Connection c = DriverManager.getConnection(schema.url()); var s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (var rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                    + "AND tablename <> 'flyway_schema_history'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            s.execute("TRUNCATE " + String.join(", ", tables) + " CASCADE");
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (schema != null) {
            schema.close();
        }
    }

    /** The JDBC URL of this class's schema (for {@code KANAL_DB_URL}). */
    public String url() {
        return schema.url();
    }

    /** Opens Kanal's database in this class's schema, as {@code Database.open(KANAL_DB_URL)} does. */
    public Database open(int poolSize) {
        return schema.open(poolSize);
    }
}
