package id.kanal.services.complaints;

import id.kanal.store.Database;
import id.kanal.store.testing.PostgresPerClass;
import id.kanal.store.testing.PostgresSchema;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link PhotoFetcherTest}'s tests on PostgreSQL (the photo's bytes in a BYTEA); skipped without {@code KANAL_TEST_PG_URL}. */
@EnabledIfEnvironmentVariable(named = PostgresSchema.ENV, matches = ".+")
class PhotoFetcherOnPostgresTest extends PhotoFetcherTest {
    @RegisterExtension
    static final PostgresPerClass PG = new PostgresPerClass();

    @Override
    Database openDatabase() {
        return PG.open(4);
    }
}
