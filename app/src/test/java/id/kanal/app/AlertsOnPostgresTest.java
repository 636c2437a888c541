package id.kanal.app;

import id.kanal.store.testing.OnPostgres;

/** {@link AlertsTest} on PostgreSQL ({@code KANAL_TEST_PG_URL}; skipped without it). */
@OnPostgres
class AlertsOnPostgresTest extends AlertsTest {
}
