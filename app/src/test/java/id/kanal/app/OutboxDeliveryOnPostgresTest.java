package id.kanal.app;

import id.kanal.store.Database;
import id.kanal.store.testing.PostgresPerClass;
import id.kanal.store.testing.PostgresSchema;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link OutboxDeliveryTest}'s deliveries (claims, retries, status callbacks) on PostgreSQL ({@code KANAL_TEST_PG_URL}). */
@EnabledIfEnvironmentVariable(named = PostgresSchema.ENV, matches = ".+")
class OutboxDeliveryOnPostgresTest extends OutboxDeliveryTest {
    @RegisterExtension
    static final PostgresPerClass PG = new PostgresPerClass();

    @Override
    Database database() {
        return PG.open(4);
    }
}
