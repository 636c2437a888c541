package id.kanal.dialog;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SenderLocksTest {
    private static final Address RESIDENT = new Address(Channel.SMS, "+6281234567890");

    @Test
    void withLock_messagesWaitingForOneSender_runInArrivalOrder() throws Exception {
        SenderLocks locks = new SenderLocks(16);
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch firstRunning = new CountDownLatch(1);
        Thread first = Thread.ofVirtual().start(() -> locks.withLock(RESIDENT, () -> {
            firstRunning.countDown();
            await(release);
            return ran.add("first");
        }));
        assertTrue(firstRunning.await(10, TimeUnit.SECONDS));
        // Each later message arrives only once the one before it is queued: arrival order is known.
        List<Thread> later = new java.util.ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String name = "later-" + i;
            later.add(Thread.ofVirtual().start(() -> locks.withLock(RESIDENT, () -> ran.add(name))));
            int queued = i;
            waitUntil(() -> locks.waiting(RESIDENT) == queued);
        }
        assertEquals(List.of(), ran, "nothing runs while the first turn holds the sender");
        release.countDown();
        first.join(10_000);
        for (Thread t : later) {
            t.join(10_000);
        }
        assertEquals(List.of("first", "later-1", "later-2", "later-3", "later-4", "later-5"), ran);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntil(BooleanSupplier condition) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 10 s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}
