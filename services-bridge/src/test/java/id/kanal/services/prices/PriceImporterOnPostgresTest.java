package id.kanal.services.prices;

import id.kanal.store.testing.OnPostgres;

/** {@link PriceImporterTest}'s tests on PostgreSQL ({@code KANAL_TEST_PG_URL}; skipped without it). */
@OnPostgres
class PriceImporterOnPostgresTest extends PriceImporterTest {
}
