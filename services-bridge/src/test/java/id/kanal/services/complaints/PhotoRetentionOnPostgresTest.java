package id.kanal.services.complaints;

import id.kanal.store.Database;
import id.kanal.store.testing.PostgresPerClass;
import id.kanal.store.testing.PostgresSchema;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link PhotoRetentionTest}'s tests on PostgreSQL; skipped without {@code KANAL_TEST_PG_URL}. */
@EnabledIfEnvironmentVariable(named = PostgresSchema.ENV, matches = ".+")
class PhotoRetentionOnPostgresTest extends PhotoRetentionTest {
    @RegisterExtension
    static final PostgresPerClass PG = new PostgresPerClass();

    @Override
    Database openDatabase() {
        return PG.open(4);
    }
}
