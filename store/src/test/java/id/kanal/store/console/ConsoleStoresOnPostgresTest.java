package id.kanal.store.console;

import id.kanal.store.Database;
import id.kanal.store.testing.PostgresPerClass;
import id.kanal.store.testing.PostgresSchema;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ConsoleStoresTest} on PostgreSQL ({@code KANAL_TEST_PG_URL}; skipped without it). */
@EnabledIfEnvironmentVariable(named = PostgresSchema.ENV, matches = ".+")
class ConsoleStoresOnPostgresTest extends ConsoleStoresTest {
    @RegisterExtension
    static final PostgresPerClass PG = new PostgresPerClass();

    @Override
    Database open() {
        return PG.open(2);
    }
}
