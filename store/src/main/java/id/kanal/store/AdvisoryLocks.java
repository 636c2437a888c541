package id.kanal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * PostgreSQL session advisory locks, in the two-key form ({@code pg_advisory_lock(int, int)}):
 * the first key says what kind of lock (so Kanal's never meet another application's, nor each
 * other's), the second which one. A session's locks end with it, so a node that dies (even by
 * SIGKILL: the server sees its connection close) releases everything it held.
 */
final class AdvisoryLocks {
    /** Start-up work: migrations, demo seeding, the first admin account. */
    static final int STARTUP = 0x4B414E01;
    /** One resident's turns (see {@link PostgresTurnLocks}). */
    static final int TURN = 0x4B414E02;

    private AdvisoryLocks() {
    }

    /** The statement that waits for a lock: parameters kind and key. */
    static final String LOCK = "SELECT pg_advisory_lock(?, ?)";

    /** Waits for the lock. */
    static void lock(Connection c, int kind, int key) throws SQLException {
        call(c, LOCK, kind, key);
    }

    static void unlock(Connection c, int kind, int key) throws SQLException {
        call(c, "SELECT pg_advisory_unlock(?, ?)", kind, key);
    }

    private static void call(Connection c, String sql, int kind, int key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, kind);
            ps.setInt(2, key);
            ps.executeQuery().close();
        }
    }
}
