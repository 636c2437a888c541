package id.kanal.app;

import id.kanal.store.testing.OnPostgres;

/** {@link PackImportTest} on PostgreSQL ({@code KANAL_TEST_PG_URL}; skipped without it): the same all-or-nothing import. */
@OnPostgres
class PackImportOnPostgresTest extends PackImportTest {
}
