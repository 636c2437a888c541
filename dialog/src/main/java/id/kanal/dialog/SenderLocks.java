package id.kanal.dialog;

import id.kanal.dialog.port.TurnLocks;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises turns per resident: messages from one sender never run at the same time, and
 * waiting ones run in arrival order (fair locks hand over first come, first served). Locks
 * are striped so memory stays fixed however many residents write. One process only: several
 * nodes on one database need a lock the database holds.
 */
public final class SenderLocks implements TurnLocks {
    private final ReentrantLock[] stripes;

    public SenderLocks(int stripes) {
        this.stripes = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            this.stripes[i] = new ReentrantLock(true);
        }
    }

    @Override
    public <T> T withLock(Address sender, Supplier<T> work) {
        ReentrantLock lock = stripe(sender);
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** Turns of this sender (and its stripe) waiting for the one running: for tests. */
    int waiting(Address sender) {
        return stripe(sender).getQueueLength();
    }

    private ReentrantLock stripe(Address sender) {
        return stripes[Math.floorMod(sender.hashCode(), stripes.length)];
    }
}
