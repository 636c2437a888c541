package id.kanal.services.feedback;

import id.kanal.store.testing.OnPostgres;

/** {@link SqlResidentQuestionsTest}'s tests on PostgreSQL ({@code KANAL_TEST_PG_URL}; skipped without it). */
@OnPostgres
class SqlResidentQuestionsOnPostgresTest extends SqlResidentQuestionsTest {
}
