package id.kanal.app.console;

import id.kanal.dialog.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13, item 4: the login throttle is no weapon, and parallel guesses cannot outrun it. */
class LoginLimiterTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T03:00:00Z"));
    private final LoginLimiter limiter = new LoginLimiter(clock);

    @Test
    void parallelAttempts_cannotExceedTheFreeTries() throws Exception {
        int threads = 32;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> tries = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                tries.add(pool.submit(() -> {
                    go.await();
                    return limiter.reserve("admin", "203.0.113.5").attempt().isPresent();
                }));
            }
            go.countDown();
            int granted = 0;
            for (Future<Boolean> t : tries) {
                granted += t.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(LoginLimiter.FREE_TRIES, granted, "each try is counted before its password is checked");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void lockedPair_doesNotBlockTheRightPasswordFromACleanAddress() {
        for (int i = 0; i < 20; i++) {
            limiter.reserve("admin", "203.0.113.5");
        }
        assertTrue(limiter.reserve("admin", "203.0.113.5").attempt().isEmpty(), "the guesser waits");
        var agent = limiter.reserve("admin", "198.51.100.7");
        assertTrue(agent.attempt().isPresent(), "the agent at another address is not locked out");
        assertTrue(limiter.reserve("budi", "203.0.113.5").attempt().isPresent(), "nor is another account");
    }

    @Test
    void delays_growAfterTheFreeTries_upToTheCap() {
        for (int i = 0; i < LoginLimiter.FREE_TRIES; i++) {
            assertTrue(limiter.reserve("admin", "203.0.113.5").attempt().isPresent(), "free try " + (i + 1));
        }
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Duration wait = limiter.reserve("admin", "203.0.113.5").retryAfter();
            waits.add(wait);
            clock.advance(wait);
            assertTrue(limiter.reserve("admin", "203.0.113.5").attempt().isPresent(), "allowed once the wait is over");
        }
        assertEquals(LoginLimiter.FIRST_DELAY, waits.get(0));
        assertEquals(LoginLimiter.FIRST_DELAY.multipliedBy(2), waits.get(1));
        assertEquals(LoginLimiter.FIRST_DELAY.multipliedBy(4), waits.get(2));
        assertEquals(LoginLimiter.MAX_DELAY, waits.getLast(), "capped");
    }

    @Test
    void success_startsThePairAfresh() {
        for (int i = 0; i < LoginLimiter.FREE_TRIES - 1; i++) {
            limiter.reserve("admin", "203.0.113.5");
        }
        limiter.reserve("admin", "203.0.113.5").attempt().orElseThrow().succeeded();
        for (int i = 0; i < LoginLimiter.FREE_TRIES; i++) {
            assertTrue(limiter.reserve("admin", "203.0.113.5").attempt().isPresent(), "free try " + (i + 1));
        }
    }
}
