package id.kanal.store;

import id.kanal.store.testing.PostgresPerClass;
import id.kanal.store.testing.PostgresSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The store's pieces for several nodes on one PostgreSQL ({@code KANAL_TEST_PG_URL}; skipped
 * without it), each "node" a {@link Database} of its own: leases that expire and move, notices
 * that reach the other nodes and resynchronise after a lost connection.
 */
@EnabledIfEnvironmentVariable(named = PostgresSchema.ENV, matches = ".+")
class ClusterStoreOnPostgresTest {
    @RegisterExtension
    static final PostgresPerClass PG = new PostgresPerClass();
    private static final Instant T0 = Instant.parse("2026-11-23T03:00:00Z");

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(T0);

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }
    }

    @Test
    void lease_oneHolderAtATime_movesOnlyOnceExpired_andTheOldHolderStops() {
        MovableClock clock = new MovableClock();
        List<String> events = new CopyOnWriteArrayList<>();
        try (Database a = PG.open(2); Database b = PG.open(2);
             LeasedJobs nodeA = LeasedJobs.renewedByCaller(a, clock, Duration.ofSeconds(15));
             LeasedJobs nodeB = LeasedJobs.renewedByCaller(b, clock, Duration.ofSeconds(15))) {
            nodeA.register("poller", () -> events.add("a started"), () -> events.add("a stopped"));
            nodeB.register("poller", () -> events.add("b started"), () -> events.add("b stopped"));
            nodeA.renewAll();
            nodeB.renewAll();
            assertEquals(List.of("a started"), events);
            assertEquals(nodeA.holder(), nodeA.holderOf("poller").orElseThrow());

            // A stops renewing (it died): B takes over only once A's lease has run out.
            clock.advance(Duration.ofSeconds(14));
            nodeB.renewAll();
            assertEquals(List.of("a started"), events);
            clock.advance(Duration.ofSeconds(1));
            nodeB.renewAll();
            assertEquals(List.of("a started", "b started"), events);

            // A comes back (a long pause, not a death): its next round finds the lease gone and stops its job.
            nodeA.renewAll();
            assertEquals(List.of("a started", "b started", "a stopped"), events);
            assertTrue(nodeB.runsHere("poller"));
            assertFalse(nodeA.runsHere("poller"));
        }
    }

    @Test
    void lease_releasedOnClose_isTakenAtTheNextRound() {
        MovableClock clock = new MovableClock();
        try (Database a = PG.open(2); Database b = PG.open(2);
             LeasedJobs nodeB = LeasedJobs.renewedByCaller(b, clock, Duration.ofSeconds(15))) {
            LeasedJobs nodeA = LeasedJobs.renewedByCaller(a, clock, Duration.ofSeconds(15));
            nodeA.register("poller", () -> { }, () -> { });
            nodeB.register("poller", () -> { }, () -> { });
            nodeA.renewAll();
            nodeA.close();
            nodeB.renewAll();
            assertTrue(nodeB.runsHere("poller"), "a stopped node's lease moves at once, not after it expires");
        }
    }

    @Test
    void notices_reachTheOtherNodesOnly_andAResyncFollowsALostConnection() throws Exception {
        try (Database a = PG.open(2); Database b = PG.open(2);
             ClusterNotices nodeA = ClusterNotices.open(a); ClusterNotices nodeB = ClusterNotices.open(b)) {
            BlockingQueue<String> atA = new LinkedBlockingQueue<>();
            BlockingQueue<String> atB = new LinkedBlockingQueue<>();
            CountDownLatch resynced = new CountDownLatch(1);
            nodeA.subscribe("test", atA::add, () -> { });
            nodeB.subscribe("test", atB::add, resynced::countDown);
            // The listener LISTENs within its next round; publish until B hears (a notice sent before is not kept).
            String heard = null;
            for (int i = 0; heard == null && i < 100; i++) {
                nodeA.publish("test", "hello");
                heard = atB.poll(100, TimeUnit.MILLISECONDS);
            }
            assertEquals("hello", heard);
            assertNull(atA.poll(300, TimeUnit.MILLISECONDS), "a node never hears its own notices");

            try (Connection admin = DriverManager.getConnection(PG.url()); var s = admin.createStatement()) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"
                        + ClusterNotices.APPLICATION_NAME + "' AND datname = current_database() AND pid <> pg_backend_pid()");
            }
            assertTrue(resynced.await(20, TimeUnit.SECONDS), "no resync after the listening connection was cut");
        }
    }
}
