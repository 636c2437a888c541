package id.kanal.store.ussd;

import id.kanal.store.testing.OnPostgres;

/** {@link SqlUssdSessionsTest} on PostgreSQL ({@code KANAL_TEST_PG_URL}), where every look-up reads the shared table. */
@OnPostgres
class SqlUssdSessionsOnPostgresTest extends SqlUssdSessionsTest {
}
