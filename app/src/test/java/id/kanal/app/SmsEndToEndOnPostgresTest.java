package id.kanal.app;

import id.kanal.store.testing.PostgresPerClass;
import id.kanal.store.testing.PostgresSchema;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

/**
 * {@link SmsEndToEndTest}'s conversations with {@code KANAL_DB_URL} pointing at PostgreSQL
 * ({@code KANAL_TEST_PG_URL}; skipped without it): the server, the dialog, the complaint desk,
 * the demo seeding and restarts, on the same code paths as on SQLite.
 */
@EnabledIfEnvironmentVariable(named = PostgresSchema.ENV, matches = ".+")
class SmsEndToEndOnPostgresTest extends SmsEndToEndTest {
    @RegisterExtension
    static final PostgresPerClass PG = new PostgresPerClass();

    @Override
    Map<String, String> databaseEnv() {
        return Map.of("KANAL_DB_URL", PG.url());
    }
}
