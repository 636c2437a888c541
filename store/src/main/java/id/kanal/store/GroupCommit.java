package id.kanal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit: writes that arrive while a commit is on its way to disk wait for it, then
 * share the next transaction and its one sync. Each caller still returns only after the
 * commit that holds its work is on disk, so durability is unchanged; the number of syncs falls
 * from one per turn to one per batch.
 *
 * <p>There is no writer thread: the caller that takes the commit lock leads, drains whatever
 * is waiting (up to {@code maxBatch}) and commits it for everyone, lets go of the lock and wakes the first
 * caller still waiting, to lead the next batch, then syncs the log and wakes each caller whose work it
 * committed. So the next batch's statements and commit run while this one's log is synced: the writer's
 * lock is held for the statements and the commit only, about half the time it was held with the sync
 * inside. The next leader then waits for that sync before syncing its own, so batches are synced and
 * told in commit order.
 * Callers that do not lead sleep until they are told or woken to lead: they do not queue on the lock only to find, one after another,
 * that their work is done (that convoy was a visible share of a turn's CPU). One failing write (a constraint, a bug) fails
 * alone: the batch's transaction is rolled back, its caller gets the exception, and the rest of
 * the batch runs again in a new transaction. So a piece of work may run more than once before
 * it commits, and must only write through the connection it is given. (Savepoints around each
 * piece did the same, but cost two more statements per write, compiled anew each time by
 * sqlite-jdbc, on every turn rather than only when something fails.) SQLite only: it has one
 * writer anyway.
 */
public final class GroupCommit {
    private final Database db;
    private final int maxBatch;
    private final ConcurrentLinkedQueue<Pending<?>> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock leader = new ReentrantLock();
    /** Held from a batch's commit until its callers are told; the next batch's leader waits for it after committing. */
    private final ReentrantLock syncing = new ReentrantLock();

    public GroupCommit(Database db, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be >= 1: " + maxBatch);
        }
        this.db = Objects.requireNonNull(db, "db");
        this.maxBatch = maxBatch;
    }

    /**
     * Runs {@code work} in a shared transaction and returns its result once that transaction committed.
     * On PostgreSQL each call keeps its own transaction: the pool runs them side by side and the server
     * groups their WAL flushes itself, while one leader running a batch's statements one round trip
     * after another measured 593 turns/s against SQLite's 3,904 (`bench --db`).
     */
    public <T> T inTransaction(SqlWork<T> work) {
        if (db.dialect() != Dialect.SQLITE) {
            return db.inTransaction(work);
        }
        Pending<T> mine = new Pending<>(work, Thread.currentThread());
        waiting.add(mine);
        boolean interrupted = false;
        while (!mine.done) {
            if (leader.tryLock()) {
                Batch batch;
                try {
                    batch = commitBatch();
                    // Taken before the next leader can commit: batches are synced and told in commit order.
                    syncing.lock();
                } finally {
                    leader.unlock();
                }
                // The next batch runs its statements and commits while this one's log is synced.
                wakeNextLeader();
                try {
                    batch.syncAndTell();
                } finally {
                    syncing.unlock();
                }
            } else {
                // Woken when a leader committed this work, or left with work still waiting.
                LockSupport.park(this);
                // The work is queued and will commit: an interrupt is kept for the caller, not obeyed here.
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return mine.outcome();
    }

    /**
     * After a leader let go of the lock: work queued meanwhile must get a leader. Whoever queued
     * after this look took the lock itself or saw it taken, and its holder looks again on leaving.
     */
    private void wakeNextLeader() {
        Pending<?> next = waiting.peek();
        if (next != null) {
            LockSupport.unpark(next.caller);
        }
    }

    /** How many writes wait for a leader (tests wait on it instead of sleeping). */
    int waitingForTests() {
        return waiting.size();
    }

    /** Drains what is waiting (up to {@code maxBatch}) and commits it: neither synced nor told yet. */
    private Batch commitBatch() {
        List<Pending<?>> batch = new ArrayList<>();
        for (Pending<?> p = waiting.poll(); p != null; p = batch.size() + 1 < maxBatch ? waiting.poll() : null) {
            batch.add(p);
        }
        List<Runnable> hooks = new ArrayList<>(0);
        List<Pending<?>> left = batch;
        while (!left.isEmpty()) {
            left = commitOrDropTheFailed(left, hooks);
        }
        return new Batch(batch, hooks);
    }

    /** A committed batch: its work, and what runs once its commit is on disk. */
    private final class Batch {
        private final List<Pending<?>> work;
        private final List<Runnable> hooks;

        Batch(List<Pending<?>> work, List<Runnable> hooks) {
            this.work = work;
            this.hooks = hooks;
        }

        /**
         * Syncs the log, runs the commit's after-commit hooks, then wakes each caller. A failed sync fails every
         * piece that committed: none of them may be told it is kept.
         */
        void syncAndTell() {
            try {
                if (work.stream().anyMatch(p -> p.failed == null)) {
                    db.syncLog();
                    hooks.forEach(Runnable::run);
                }
            } catch (RuntimeException e) {
                for (Pending<?> p : work) {
                    if (p.failed == null) {
                        p.result = null;
                        p.failed = e;
                    }
                }
            } finally {
                for (Pending<?> p : work) {
                    p.done = true;
                    LockSupport.unpark(p.caller);
                }
            }
        }
    }

    /**
     * Runs every piece of work in one transaction and commits it, its after-commit hooks added to {@code hooks}.
     * When a piece fails, the transaction is rolled back, that piece keeps its failure, and the others are
     * returned to be run again; when the commit itself fails, every piece fails with it.
     *
     * @return the pieces still to commit
     */
    private List<Pending<?>> commitOrDropTheFailed(List<Pending<?>> run, List<Runnable> hooks) {
        Pending<?>[] culprit = new Pending<?>[1];
        try {
            db.inTransactionSyncedLater(c -> {
                for (Pending<?> p : run) {
                    culprit[0] = p;
                    p.run(c);
                }
                culprit[0] = null;
                return null;
            }, hooks);
            return List.of();
        } catch (RuntimeException e) {
            run.forEach(p -> p.result = null);
            if (culprit[0] == null) {
                // The transaction as a whole did not commit: no piece of work in it is durable.
                run.forEach(p -> p.failed = e);
                return List.of();
            }
            Pending<?> failed = culprit[0];
            failed.failed = e;
            List<Pending<?>> rest = new ArrayList<>(run);
            rest.remove(failed);
            return rest;
        }
    }

    /** One caller's work and what became of it; written by the leader under the lock, read by its caller after. */
    private static final class Pending<T> {
        private final SqlWork<T> work;
        private final Thread caller;
        private volatile boolean done;
        private T result;
        private RuntimeException failed;

        Pending(SqlWork<T> work, Thread caller) {
            this.work = work;
            this.caller = caller;
        }

        void run(Connection c) throws SQLException {
            result = work.apply(c);
        }

        T outcome() {
            if (failed != null) {
                throw failed;
            }
            return result;
        }
    }
}
