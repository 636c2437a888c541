package id.kanal.app.console;

import id.kanal.store.testing.OnPostgres;

/** {@link ComplaintPageTest} with {@code KANAL_DB_URL} on PostgreSQL ({@code KANAL_TEST_PG_URL}; skipped without it). */
@OnPostgres
class ComplaintPageOnPostgresTest extends ComplaintPageTest {
}
