package id.kanal.services.complaints;

import id.kanal.store.testing.OnPostgres;

/** {@link PhotoRetentionTest}'s tests on PostgreSQL ({@code KANAL_TEST_PG_URL}; skipped without it). */
@OnPostgres
class PhotoRetentionOnPostgresTest extends PhotoRetentionTest {
}
