package id.kanal.app;

import id.kanal.channels.outbox.RateLimit;
import id.kanal.channels.outbox.RateLimiter;
import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.store.Database;
import id.kanal.store.testing.PostgresPerClass;
import id.kanal.store.testing.PostgresSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbox's provider limits hold for two nodes together (their limiters count in one PostgreSQL table). */
@EnabledIfEnvironmentVariable(named = PostgresSchema.ENV, matches = ".+")
class SharedRatesOnPostgresTest {
    @RegisterExtension
    static final PostgresPerClass PG = new PostgresPerClass();
    private static final Instant T0 = Instant.parse("2026-11-22T03:00:00Z");
    private static final Map<Channel, RateLimit> TELEGRAM = Map.of(Channel.TELEGRAM, RateLimit.TELEGRAM);

    @Test
    void telegramLimits_holdForTwoNodesTogether() {
        try (Database a = PG.open(2); Database b = PG.open(2)) {
            RateLimiter nodeA = new RateLimiter(TELEGRAM, new SqlArrivalTimes(a));
            RateLimiter nodeB = new RateLimiter(TELEGRAM, new SqlArrivalTimes(b));
            Address chat = new Address(Channel.TELEGRAM, "1001");
            assertEquals(Duration.ZERO, nodeA.tryAcquire(chat, T0));
            assertEquals(Duration.ofSeconds(1), nodeB.tryAcquire(chat, T0), "one chat, one message a second, on any node");
            assertEquals(Duration.ZERO, nodeB.tryAcquire(chat, T0.plusSeconds(1)));

            // 30 a second overall: chats spread over both nodes fill one burst between them.
            int allowed = 0;
            for (int i = 0; i < 40; i++) {
                RateLimiter node = i % 2 == 0 ? nodeA : nodeB;
                if (node.tryAcquire(new Address(Channel.TELEGRAM, "2" + i), T0.plusSeconds(1)).isZero()) {
                    allowed++;
                }
            }
            assertTrue(allowed >= 28 && allowed <= 30, "allowed=" + allowed);
        }
    }
}
