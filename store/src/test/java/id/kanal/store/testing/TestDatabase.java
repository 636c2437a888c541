package id.kanal.store.testing;

import id.kanal.store.Database;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The database a test opens: SQLite in the test's own folder, or, in a class marked
 * {@link OnPostgres}, that class's PostgreSQL schema. Handed to a {@code @BeforeEach} method by
 * {@link TestDatabases}.
 */
public final class TestDatabase {
    private final Optional<PostgresPerClass> postgres;

    TestDatabase(Optional<PostgresPerClass> postgres) {
        this.postgres = postgres;
    }

    /** Opens Kanal's database: SQLite in {@code dir}, or the PostgreSQL schema with a pool of {@code poolSize}. */
    public Database open(Path dir, int poolSize) {
        return postgres.map(pg -> pg.open(poolSize)).orElseGet(() -> Database.openSqlite(dir));
    }

    /** The settings that point a whole Kanal at it: none for SQLite (its data directory), else {@code KANAL_DB_URL}. */
    public Map<String, String> env() {
        return postgres.map(pg -> Map.of("KANAL_DB_URL", pg.url())).orElse(Map.of());
    }
}
