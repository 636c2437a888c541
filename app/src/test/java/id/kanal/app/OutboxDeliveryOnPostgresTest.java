package id.kanal.app;

import id.kanal.store.testing.OnPostgres;

/** {@link OutboxDeliveryTest}'s deliveries (claims, retries, status callbacks) on PostgreSQL ({@code KANAL_TEST_PG_URL}). */
@OnPostgres
class OutboxDeliveryOnPostgresTest extends OutboxDeliveryTest {
}
