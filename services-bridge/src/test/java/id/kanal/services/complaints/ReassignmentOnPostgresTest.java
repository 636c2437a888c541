package id.kanal.services.complaints;

import id.kanal.store.testing.OnPostgres;

/** {@link ReassignmentTest}'s tests on PostgreSQL ({@code KANAL_TEST_PG_URL}; skipped without it). */
@OnPostgres
class ReassignmentOnPostgresTest extends ReassignmentTest {
}
