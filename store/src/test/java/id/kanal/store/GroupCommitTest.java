package id.kanal.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupCommitTest {
    @TempDir
    Path dir;

    @Test
    void writesThatWaitForACommit_shareTheNextOne_andEachReturnsCommitted() throws Exception {
        try (Database db = Database.openSqlite(dir)) {
            createTable(db);
            GroupCommit group = new GroupCommit(db, 64);
            CountDownLatch othersQueued = new CountDownLatch(1);
            Set<Thread> leadersOfTheRest = ConcurrentHashMap.newKeySet();
            Thread first = holdingTheCommit(group, othersQueued);
            List<Thread> rest = new ArrayList<>();
            for (int i = 1; i <= 20; i++) {
                int n = i;
                rest.add(Thread.ofVirtual().start(() -> group.inTransaction(c -> {
                    leadersOfTheRest.add(Thread.currentThread());
                    return insert(c, n);
                })));
            }
            awaitQueued(group, 20);
            othersQueued.countDown();
            first.join();
            for (Thread t : rest) {
                t.join();
            }
            assertEquals(21, count(db));
            // All twenty waited for the first commit and then went to disk together, run by one leader.
            assertEquals(1, leadersOfTheRest.size());
        }
    }

    @Test
    void aFailingWriteInABatch_failsAlone_andTheOthersCommit() throws Exception {
        try (Database db = Database.openSqlite(dir)) {
            createTable(db);
            GroupCommit group = new GroupCommit(db, 64);
            CountDownLatch othersQueued = new CountDownLatch(1);
            Thread first = holdingTheCommit(group, othersQueued);
            List<Throwable> failures = new ArrayList<>();
            Thread good1 = Thread.ofVirtual().start(() -> group.inTransaction(c -> insert(c, 1)));
            awaitQueued(group, 1); // good1 ahead of bad in the batch, so bad's second insert is the duplicate
            Thread bad = Thread.ofVirtual().start(() -> {
                try {
                    group.inTransaction(c -> {
                        insert(c, 2);
                        return insert(c, 1); // a duplicate key: this work fails, its first insert is undone with it
                    });
                } catch (RuntimeException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            awaitQueued(group, 2);
            Thread good3 = Thread.ofVirtual().start(() -> group.inTransaction(c -> insert(c, 3)));
            awaitQueued(group, 3);
            othersQueued.countDown();
            for (Thread t : List.of(first, good1, bad, good3)) {
                t.join();
            }
            assertEquals(1, failures.size());
            assertEquals(Set.of(0L, 1L, 3L), ids(db));
        }
    }

    @Test
    void aWriteAlone_thatFails_rollsBackAndThrows() throws Exception {
        try (Database db = Database.openSqlite(dir)) {
            createTable(db);
            GroupCommit group = new GroupCommit(db, 64);
            assertThrows(IllegalStateException.class, () -> group.inTransaction(c -> {
                insert(c, 7);
                throw new IllegalStateException("boom");
            }));
            assertEquals(0, count(db));
            assertEquals(8, (long) group.inTransaction(c -> insert(c, 8)));
        }
    }

    @Test
    void theNextBatchCommits_whileThePreviousIsSynced_andEachCallerIsToldAfterItsSyncAndHooks() throws Exception {
        try (Database db = Database.openSqlite(dir)) {
            createTable(db);
            GroupCommit group = new GroupCommit(db, 64);
            List<String> told = java.util.Collections.synchronizedList(new ArrayList<>());
            long syncsBefore = db.logSyncsForTests();
            Thread[] second = new Thread[1];
            // The first batch's hook runs after its commit was synced and before its caller is told: meanwhile a
            // second write commits (its row is visible to readers) though its caller is not told before the first.
            group.inTransaction(c -> {
                insert(c, 1);
                Database.afterCommit(() -> {
                    told.add("first's hook");
                    second[0] = Thread.ofVirtual().start(() -> {
                        group.inTransaction(c2 -> insert(c2, 2));
                        told.add("second");
                    });
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    while (count(db) < 2) {
                        assertTrue(System.nanoTime() < deadline, "the second batch did not commit during the first's sync");
                        Thread.onSpinWait();
                    }
                    told.add("second committed");
                });
                return null;
            });
            told.add("first");
            second[0].join();
            // The second committed inside the first's hook, so before the first's caller was told.
            assertEquals(List.of("first's hook", "second committed"), told.subList(0, 2));
            assertEquals(Set.of("first", "second"), Set.copyOf(told.subList(2, 4)));
            assertEquals(syncsBefore + 2, db.logSyncsForTests(), "each batch synced before its caller was told");
        }
    }

    /** A write of row 0 that is inside its commit when this returns, and holds it open until {@code release}: writes after it queue. */
    private static Thread holdingTheCommit(GroupCommit group, CountDownLatch release) throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        Thread first = Thread.ofVirtual().start(() -> group.inTransaction(c -> {
            inside.countDown();
            await(release);
            return insert(c, 0);
        }));
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        return first;
    }

    private static void awaitQueued(GroupCommit group, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (group.waitingForTests() < n) {
            assertTrue(System.nanoTime() < deadline, "writers did not queue");
            Thread.onSpinWait();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void createTable(Database db) {
        db.inTransaction(c -> c.createStatement().executeUpdate("CREATE TABLE gc_test (id INTEGER PRIMARY KEY)"));
    }

    private static long insert(java.sql.Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO gc_test (id) VALUES (?)")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
        return id;
    }

    private static long count(Database db) {
        return ids(db).size();
    }

    private static Set<Long> ids(Database db) {
        return db.read(c -> {
            Set<Long> out = new java.util.TreeSet<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT id FROM gc_test")) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        });
    }
}
