package id.kanal.services.console;

import id.kanal.store.testing.OnPostgres;

/** {@link SqlDashboardTest} on PostgreSQL ({@code KANAL_TEST_PG_URL}). */
@OnPostgres
class SqlDashboardOnPostgresTest extends SqlDashboardTest {
}
