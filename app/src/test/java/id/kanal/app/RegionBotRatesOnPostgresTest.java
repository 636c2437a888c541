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
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Telegram limits each bot: two nodes fill the default bot's 30 a second together, and a region's bot keeps its own. */
@EnabledIfEnvironmentVariable(named = PostgresSchema.ENV, matches = ".+")
class RegionBotRatesOnPostgresTest {
    @RegisterExtension
    static final PostgresPerClass PG = new PostgresPerClass();
    private static final Instant T0 = Instant.parse("2026-11-22T03:00:00Z");
    private static final String KAB = "kabupaten-tangerang";

    @Test
    void eachRegionsBot_hasItsOwnLimit_onAllNodesTogether() {
        try (Database a = PG.open(2); Database b = PG.open(2)) {
            Map<Channel, RateLimit> telegram = Map.of(Channel.TELEGRAM, RateLimit.TELEGRAM);
            RateLimiter[] nodes = {new RateLimiter(telegram, new SqlArrivalTimes(a)), new RateLimiter(telegram, new SqlArrivalTimes(b))};
            for (int i = 0; i < 30; i++) {
                assertEquals(Duration.ZERO, nodes[i % 2].tryAcquire(new Address(Channel.TELEGRAM, "2" + i), T0));
            }
            assertFalse(nodes[0].tryAcquire(new Address(Channel.TELEGRAM, "3000"), T0).isZero(), "the default bot is full");
            for (int i = 0; i < 30; i++) {
                assertEquals(Duration.ZERO, nodes[i % 2].tryAcquire(new Address(Channel.TELEGRAM, "2" + i).inRegion(KAB), T0),
                        "the Kabupaten's bot sends on its own limit");
            }
            assertFalse(nodes[1].tryAcquire(new Address(Channel.TELEGRAM, "3000").inRegion(KAB), T0).isZero(),
                    "and fills it on both nodes together");
        }
    }
}
