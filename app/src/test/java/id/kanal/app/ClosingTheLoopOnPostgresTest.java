package id.kanal.app;

import id.kanal.store.testing.OnPostgres;

/** {@link ClosingTheLoopTest} on PostgreSQL ({@code KANAL_TEST_PG_URL}; skipped without it). */
@OnPostgres
class ClosingTheLoopOnPostgresTest extends ClosingTheLoopTest {
}
