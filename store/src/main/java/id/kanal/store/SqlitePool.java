package id.kanal.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A fixed set of connections to one SQLite file, all opened at start: readers, and one writer
 * for every write transaction. A file is not a server: no connection is dropped from outside, so
 * nothing here validates them (HikariCP's checks would only cost time); one that work closed by
 * mistake is replaced. Writers are put in line by {@link Database}, not here.
 *
 * <p>Why one writer: in WAL mode a connection drops its whole page cache when it starts a
 * transaction after another connection wrote. Write transactions that took whichever connection
 * was free started cold nearly every time and read every B-tree page they touched again from the
 * file (pread copies and page allocations, a third of the server's CPU in the kernel). The writer
 * is the only connection that writes, so its cache stays valid from one commit to the next.
 */
final class SqlitePool implements ConnectionPool {
    private static final System.Logger LOG = System.getLogger(SqlitePool.class.getName());

    private final String url;
    private final Properties properties;
    private final Duration connectionTimeout;
    private final BlockingQueue<Connection> idle;
    /** Guards {@link #readers} and {@link #writer} (replacements, close). */
    private final Object opened = new Object();
    private final List<Connection> readers = new ArrayList<>();
    private Connection writer;

    SqlitePool(String url, Properties properties, PoolOptions options)
            throws SQLException {
        this.url = url;
        this.properties = properties;
        this.connectionTimeout = options.connectionTimeout();
        this.idle = new ArrayBlockingQueue<>(options.size());
        try {
            for (int i = 0; i < options.size(); i++) {
                Connection c = open();
                readers.add(c);
                idle.add(c);
            }
            writer = open();
        } catch (SQLException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private Connection open() throws SQLException {
        return StatementCache.wrap(DriverManager.getConnection(url, properties));
    }

    @Override
    public Connection borrow() throws SQLException {
        Connection c;
        try {
            c = idle.poll(connectionTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseException("interrupted waiting for a connection", e);
        }
        if (c == null) {
            throw new DatabaseException("no database connection free after " + connectionTimeout, null);
        }
        return c.isClosed() ? reopenReader(c) : c;
    }

    /** A new connection in place of a reader that work closed by mistake. */
    private Connection reopenReader(Connection closed) throws SQLException {
        Connection fresh;
        try {
            fresh = open();
        } catch (SQLException e) {
            idle.add(closed);
            throw e;
        }
        synchronized (opened) {
            readers.set(readers.indexOf(closed), fresh);
        }
        LOG.log(System.Logger.Level.WARNING, "a closed database connection was replaced by a new one");
        return fresh;
    }

    @Override
    public void release(Connection c) {
        idle.add(c);
    }

    /**
     * The writer. Callers take turns ({@link Database} holds its writer lock around the whole
     * transaction), so there is nothing to wait for here; one that work closed by mistake is
     * replaced (the failure to open a new one is the caller's, and the next write tries again).
     */
    @Override
    public Connection borrowForWrite() throws SQLException {
        synchronized (opened) {
            if (writer.isClosed()) {
                writer = open();
                LOG.log(System.Logger.Level.WARNING, "the closed database writer was replaced by a new one");
            }
            return writer;
        }
    }

    @Override
    public void releaseFromWrite(Connection c) {
        // Stays with the pool: the next write transaction takes it again, its cache warm.
    }

    @Override
    public void close() {
        List<Connection> all;
        synchronized (opened) {
            all = new ArrayList<>(readers);
            if (writer != null) {
                all.add(writer);
            }
        }
        for (Connection c : all) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.log(System.Logger.Level.WARNING, "closing a connection failed", e);
            }
        }
    }
}
