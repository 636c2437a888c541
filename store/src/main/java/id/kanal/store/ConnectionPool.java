package id.kanal.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Where {@link Database} borrows its connections: HikariCP for PostgreSQL, a fixed set for SQLite. */
interface ConnectionPool {
    /** A connection, waiting up to the pool's connection timeout for one to be free. */
    Connection borrow() throws SQLException;

    /** Gives a borrowed connection back. */
    void release(Connection c);

    /**
     * A connection for a write transaction: on SQLite always the same one (its callers take turns),
     * so its page cache stays warm from one commit to the next; elsewhere any connection.
     */
    default Connection borrowForWrite() throws SQLException {
        return borrow();
    }

    /** Gives back a connection from {@link #borrowForWrite}. */
    default void releaseFromWrite(Connection c) {
        release(c);
    }

    /** Closes every connection; called once, when none is borrowed any more (or the wait for them ended). */
    void close();
}
