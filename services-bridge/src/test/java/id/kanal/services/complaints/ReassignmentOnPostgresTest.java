package id.kanal.services.complaints;

import id.kanal.store.Database;
import id.kanal.store.testing.PostgresPerClass;
import id.kanal.store.testing.PostgresSchema;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ReassignmentTest}'s tests on PostgreSQL ({@code KANAL_TEST_PG_URL}; skipped without it). */
@EnabledIfEnvironmentVariable(named = PostgresSchema.ENV, matches = ".+")
class ReassignmentOnPostgresTest extends ReassignmentTest {
    @RegisterExtension
    static final PostgresPerClass PG = new PostgresPerClass();

    @Override
    Database openDatabase() {
        return PG.open(4);
    }
}
