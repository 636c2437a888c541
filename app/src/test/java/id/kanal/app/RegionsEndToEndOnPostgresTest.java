package id.kanal.app;

import id.kanal.store.testing.OnPostgres;

/** {@link RegionsEndToEndTest}'s two regions side by side on PostgreSQL ({@code KANAL_TEST_PG_URL}; skipped without it). */
@OnPostgres
class RegionsEndToEndOnPostgresTest extends RegionsEndToEndTest {
}
