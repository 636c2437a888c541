package id.kanal.app;

import id.kanal.store.testing.PostgresPerClass;
import id.kanal.store.testing.PostgresSchema;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

/** {@link RegionsOutboxTest}'s what the outbox sends to each region's residents on PostgreSQL ({@code KANAL_TEST_PG_URL}; skipped without it). */
@EnabledIfEnvironmentVariable(named = PostgresSchema.ENV, matches = ".+")
class RegionsOutboxOnPostgresTest extends RegionsOutboxTest {
    @RegisterExtension
    static final PostgresPerClass PG = new PostgresPerClass();

    @Override
    Map<String, String> databaseEnv() {
        return Map.of("KANAL_DB_URL", PG.url());
    }
}
