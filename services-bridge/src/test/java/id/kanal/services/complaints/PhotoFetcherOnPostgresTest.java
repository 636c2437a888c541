package id.kanal.services.complaints;

import id.kanal.store.testing.OnPostgres;

/** {@link PhotoFetcherTest}'s tests on PostgreSQL (the photo's bytes in a BYTEA); skipped without {@code KANAL_TEST_PG_URL}. */
@OnPostgres
class PhotoFetcherOnPostgresTest extends PhotoFetcherTest {
}
