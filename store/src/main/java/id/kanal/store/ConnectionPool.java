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

    /**
     * Makes the commit just made on the connection from {@link #borrowForWrite} durable, when the
     * connection left that to the pool (SQLite's writer); called before anyone is told of the commit.
     */
    default void syncCommit() throws SQLException {
    }

    /** Closes every connection; called once, when none is borrowed any more (or the wait for them ended). */
    void close();
}
