package id.kanal.store.console;

import id.kanal.store.testing.OnPostgres;

/** {@link ConsoleStoresTest} on PostgreSQL ({@code KANAL_TEST_PG_URL}; skipped without it). */
@OnPostgres
class ConsoleStoresOnPostgresTest extends ConsoleStoresTest {
}
