package id.kanal.store;

import id.kanal.dialog.Address;
import id.kanal.dialog.InboundMessage;
import id.kanal.dialog.SenderLocks;
import id.kanal.dialog.port.TurnLocks;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * One resident's turns one at a time across every node on one PostgreSQL database: a session
 * advisory lock keyed by the resident, held on a connection of a small pool of its own for the
 * length of the turn (the turn's writes commit on the main pool before it is released, so the
 * next holder reads them). PostgreSQL queues the waiters of one lock first come, first served.
 *
 * <p>Inside one node the turns of a resident first queue on the in-memory {@link SenderLocks},
 * so a node never spends more than one lock connection on a resident. A node that dies holding
 * the lock loses its connection and PostgreSQL releases the lock: the next message goes on.
 * Keys are a 32-bit hash of the channel and address: two residents that share one only wait
 * for each other.
 */
public final class PostgresTurnLocks implements TurnLocks, AutoCloseable {
    private final SenderLocks local = new SenderLocks(1024);
    private final ConnectionPool lockConnections;
    private final SqlConversationStore conversations;

    /** @param connections lock connections, the most turns in flight at once on this node */
    public PostgresTurnLocks(Database db, SqlConversationStore conversations, int connections) {
        this.lockConnections = db.sidePool("kanal-turn-locks", connections);
        this.conversations = conversations;
    }

    @Override
    public <T> T withLock(Address resident, Supplier<T> work) {
        return locked(resident, null, work);
    }

    /** The turn's lock, with the conversation and the message's earlier reply read on the lock's round trip. */
    @Override
    public <T> T withTurn(InboundMessage message, Supplier<T> work) {
        return locked(message.from(), message, work);
    }

    private <T> T locked(Address resident, InboundMessage message, Supplier<T> work) {
        return local.withLock(resident, () -> {
            int key = key(resident);
            Connection c = borrow();
            try {
                return conversations.underTurnLock(c, AdvisoryLocks.LOCK, AdvisoryLocks.TURN, key, resident, message,
                        work);
            } catch (SQLException e) {
                throw new DatabaseException("turn lock failed", e);
            } finally {
                // Also when the lock's statement failed: it may have failed after the lock was taken
                // (an unlock of a lock not held only answers false).
                release(c, key);
            }
        });
    }

    /** Stable across JVMs (an enum's hash code is not): the channel's id and the address. */
    static int key(Address resident) {
        return (resident.channel().id() + ":" + resident.value()).hashCode();
    }

    private Connection borrow() {
        try {
            return lockConnections.borrow();
        } catch (SQLException e) {
            throw new DatabaseException("no connection for the turn lock", e);
        }
    }

    private void release(Connection c, int key) {
        try {
            AdvisoryLocks.unlock(c, AdvisoryLocks.TURN, key);
            lockConnections.release(c);
        } catch (SQLException e) {
            // The lock must not outlive the turn in a pooled session: drop the connection, which ends it.
            try {
                c.unwrap(Connection.class).abort(Runnable::run);
            } catch (SQLException ignored) {
                // already gone
            }
            lockConnections.release(c);
        }
    }

    @Override
    public void close() {
        lockConnections.close();
    }
}
