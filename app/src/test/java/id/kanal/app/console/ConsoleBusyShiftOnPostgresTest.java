package id.kanal.app.console;

import id.kanal.store.testing.PostgresPerClass;
import id.kanal.store.testing.PostgresSchema;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

/** {@link ConsoleBusyShiftTest} (search, export, trends, auto-assignment) on PostgreSQL ({@code KANAL_TEST_PG_URL}). */
@EnabledIfEnvironmentVariable(named = PostgresSchema.ENV, matches = ".+")
class ConsoleBusyShiftOnPostgresTest extends ConsoleBusyShiftTest {
    @RegisterExtension
    static final PostgresPerClass PG = new PostgresPerClass();

    @Override
    Map<String, String> databaseEnv() {
        return Map.of("KANAL_DB_URL", PG.url());
    }
}
