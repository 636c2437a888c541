package id.kanal.app;

import id.kanal.store.testing.PostgresPerClass;
import id.kanal.store.testing.PostgresSchema;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

/** {@link RegionsTelegramTest}'s two regions' Telegram bots on PostgreSQL ({@code KANAL_TEST_PG_URL}; skipped without it). */
@EnabledIfEnvironmentVariable(named = PostgresSchema.ENV, matches = ".+")
class RegionsTelegramOnPostgresTest extends RegionsTelegramTest {
    @RegisterExtension
    static final PostgresPerClass PG = new PostgresPerClass();

    @Override
    Map<String, String> databaseEnv() {
        return Map.of("KANAL_DB_URL", PG.url());
    }
}
