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
 * A fixed set of connections to one SQLite file, all opened at start. A file is not a server: no
 * connection is dropped from outside, so nothing here validates or replaces them (HikariCP's
 * checks would only cost time); writers are put in line by {@link Database}, not here.
 */
final class SqlitePool implements ConnectionPool {
    private static final System.Logger LOG = System.getLogger(SqlitePool.class.getName());

    private final String url;
    private final Properties properties;
    private final Duration connectionTimeout;
    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();

    SqlitePool(String url, Properties properties, PoolOptions options) throws SQLException {
        this.url = url;
        this.properties = properties;
        this.connectionTimeout = options.connectionTimeout();
        this.idle = new ArrayBlockingQueue<>(options.size());
        for (int i = 0; i < options.size(); i++) {
            Connection c = StatementCache.wrap(DriverManager.getConnection(url, properties));
            all.add(c);
            idle.add(c);
        }
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
        return c.isClosed() ? reopen(c) : c;
    }

    /** A new connection in place of one that work closed by mistake. */
    private Connection reopen(Connection closed) throws SQLException {
        Connection fresh;
        try {
            fresh = StatementCache.wrap(DriverManager.getConnection(url, properties));
        } catch (SQLException e) {
            idle.add(closed);
            throw e;
        }
        synchronized (all) {
            all.set(all.indexOf(closed), fresh);
        }
        LOG.log(System.Logger.Level.WARNING, "a closed database connection was replaced by a new one");
        return fresh;
    }

    @Override
    public void release(Connection c) {
        idle.add(c);
    }

    @Override
    public void close() {
        List<Connection> opened;
        synchronized (all) {
            opened = List.copyOf(all);
        }
        for (Connection c : opened) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.log(System.Logger.Level.WARNING, "closing a connection failed", e);
            }
        }
    }
}
