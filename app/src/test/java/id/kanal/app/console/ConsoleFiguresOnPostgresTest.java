package id.kanal.app.console;

import id.kanal.store.testing.OnPostgres;

/**
 * {@link ConsoleFiguresTest}'s complaint filters and dashboard figures (the console's aggregate
 * queries) with {@code KANAL_DB_URL} on PostgreSQL ({@code KANAL_TEST_PG_URL}; skipped without it).
 */
@OnPostgres
class ConsoleFiguresOnPostgresTest extends ConsoleFiguresTest {
}
