package id.kanal.dialog.port;

import id.kanal.dialog.Address;

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
}
