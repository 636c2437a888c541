package id.kanal.app;

import id.kanal.store.testing.PostgresPerClass;
import id.kanal.store.testing.PostgresSchema;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

/** {@link PackImportTest} on PostgreSQL ({@code KANAL_TEST_PG_URL}; skipped without it): the same all-or-nothing import. */
@EnabledIfEnvironmentVariable(named = PostgresSchema.ENV, matches = ".+")
class PackImportOnPostgresTest extends PackImportTest {
    @RegisterExtension
    static final PostgresPerClass PG = new PostgresPerClass();

    @Override
    Map<String, String> databaseEnv() {
        return Map.of("KANAL_DB_URL", PG.url());
    }
}
