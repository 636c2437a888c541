package id.kanal.store.testing;

import id.kanal.store.Database;
import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A fresh, empty PostgreSQL schema for one test, on the server named by {@code KANAL_TEST_PG_URL}
 * (a JDBC URL such as {@code jdbc:postgresql://127.0.0.1:5432/kanal?user=kanal&password=kanal}).
 * Without that variable the calling test is skipped (a JUnit assumption), so PostgreSQL stays
 * opt-in for a developer and is switched on in CI ({@code .ci/run} starts a throwaway server).
 * Each schema has a random name and is dropped on close, so runs and tests never see each
 * other's rows.
 */
public final class PostgresSchema implements AutoCloseable {
    public static final String ENV = "KANAL_TEST_PG_URL";

    private final String serverUrl;
    private final String name;

    private PostgresSchema(String serverUrl, String name) {
        this.serverUrl = serverUrl;
        this.name = name;
    }

    /** The server's URL, when PostgreSQL tests are switched on. */
    public static Optional<String> serverUrl() {
        return Optional.ofNullable(System.getenv(ENV)).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** Creates a new empty schema; skips the calling test when {@code KANAL_TEST_PG_URL} is unset. */
    public static PostgresSchema create() {
        Optional<String> url = serverUrl();
        Assumptions.assumeTrue(url.isPresent(), ENV + " is not set: PostgreSQL tests are skipped");
        String name = "kanal_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        run(url.get(), "CREATE SCHEMA " + name);
        return new PostgresSchema(url.get(), name);
    }

    public String name() {
        return name;
    }

    /** A JDBC URL whose connections use this schema (and only it) for unqualified names. */
    public String url() {
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    /** Opens Kanal's database in this schema (migrating it), as {@code KANAL_DB_URL} would. */
    public Database open(int poolSize) {
        return Database.open(url(), poolSize);
    }

    /** Drops the schema and everything in it. */
    @Override
    public void close() {
        run(serverUrl, "DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }

    private static void run(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); var s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + ENV + " refused: " + sql + ": " + e.getMessage(), e);
        }
    }
}
