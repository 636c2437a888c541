package id.kanal.dialog.port;

import id.kanal.dialog.Address;
import id.kanal.dialog.InboundMessage;

import java.util.function.Supplier;

/**
 * Serialises the work on one resident's conversation: a turn, or an agent taking, moving or
 * handing it back. Work for one resident never runs at the same time as other work for that
 * resident, and waiting work runs in arrival order; the second sees what the first saved.
 *
 * <p>One process needs only a lock in memory ({@code SenderLocks}, the default); several server
 * nodes on one database need a lock the database holds (a PostgreSQL advisory lock).
 */
public interface TurnLocks {
    /** Runs {@code work} while holding this resident's lock; returns its result. */
    <T> T withLock(Address resident, Supplier<T> work);

    /**
     * Runs a resident's turn on {@code message} under their lock. A lock held in a database may
     * read what the turn reads first (the message's earlier reply, the conversation) on the lock's
     * own round trip, for the store to answer from.
     */
    default <T> T withTurn(InboundMessage message, Supplier<T> work) {
        return withLock(message.from(), work);
    }
}
