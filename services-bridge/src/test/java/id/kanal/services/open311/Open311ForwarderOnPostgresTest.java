package id.kanal.services.open311;

import id.kanal.store.testing.OnPostgres;

/** {@link Open311ForwarderTest}'s tests on PostgreSQL ({@code KANAL_TEST_PG_URL}; skipped without it). */
@OnPostgres
class Open311ForwarderOnPostgresTest extends Open311ForwarderTest {
}
