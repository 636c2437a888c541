package id.kanal.app;

import id.kanal.store.testing.OnPostgres;

/**
 * {@link SmsEndToEndTest}'s conversations with {@code KANAL_DB_URL} pointing at PostgreSQL
 * ({@code KANAL_TEST_PG_URL}; skipped without it): the server, the dialog, the complaint desk,
 * the demo seeding and restarts, on the same code paths as on SQLite.
 */
@OnPostgres
class SmsEndToEndOnPostgresTest extends SmsEndToEndTest {
}
