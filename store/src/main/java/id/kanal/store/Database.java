package id.kanal.store;

import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;

import java.nio.file.Files;
import java.nio.file.Path;
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
 * Kanal's one database: a small pool of connections, transactions, and the schema migrations
 * (Flyway, {@code classpath:db/migration}) applied when it opens.
 *
 * <p>SQLite runs in WAL mode with {@code synchronous=FULL}, so a committed turn survives a crash
 * and a power cut; every transaction starts {@code IMMEDIATE}, so writers queue on the
 * busy timeout instead of failing to upgrade a read lock. SQLite has one writer at a time anyway;
 * its busy handler waits by sleeping (1, 2, 5 ... 100 ms), which under load turns into long tail
 * latencies, so writers queue in order on a fair lock here instead, and never meet a busy database.
 *
 * <p>PostgreSQL runs transactions at once (READ COMMITTED) and needs neither; its server can drop
 * a connection, which the pool then replaces (see {@link #usable}).
 */
public final class Database implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Database.class.getName());
    private static final Duration BORROW_TIMEOUT = Duration.ofSeconds(10);
    /** A PostgreSQL connection idle this long is checked before use (a restart or a proxy may have dropped it). */
    private static final Duration VALIDATE_AFTER_IDLE = Duration.ofSeconds(10);
    private static final int VALIDATE_TIMEOUT_SECONDS = 2;

    private final String url;
    private final Properties properties;
    private final Dialect dialect;
    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();
    /** Connections that failed as a lost connection does: reopened before their next use. */
    private final java.util.Set<Connection> broken = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** When each idle connection was last given back (System.nanoTime()). */
    private final java.util.Map<Connection, Long> idleSince = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.locks.ReentrantLock sqliteWriter = new java.util.concurrent.locks.ReentrantLock(true);
    private volatile boolean closed;

    private Database(String url, Properties properties, int poolSize) throws SQLException {
        this.url = url;
        this.properties = properties;
        this.dialect = Dialect.of(url);
        this.idle = new ArrayBlockingQueue<>(poolSize);
        for (int i = 0; i < poolSize; i++) {
            Connection c = DriverManager.getConnection(url, properties);
            all.add(c);
            idle.add(c);
        }
    }

    /** Opens (creating if needed) the SQLite file {@code kanal.db} in a data directory, and migrates it. */
    public static Database openSqlite(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new DatabaseException("cannot create data directory " + dataDir, e);
        }
        return open("jdbc:sqlite:" + dataDir.resolve("kanal.db").toAbsolutePath(), 4);
    }

    /** Opens a database by JDBC URL ({@code jdbc:sqlite:...} or {@code jdbc:postgresql:...}) and migrates it. */
    public static Database open(String jdbcUrl, int poolSize) {
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be >= 1: " + poolSize);
        }
        Properties properties = Dialect.of(jdbcUrl) == Dialect.SQLITE ? sqliteProperties() : new Properties();
        try {
            Database db = new Database(jdbcUrl, properties, poolSize);
            db.migrate();
            return db;
        } catch (SQLException e) {
            throw new DatabaseException("cannot open database", e);
        }
    }

    private static Properties sqliteProperties() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return config.toProperties();
    }

    private void migrate() {
        Connection c = borrow();
        try {
            Flyway.configure()
                    .dataSource(new SingleConnectionDataSource(c, url))
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } finally {
            release(c);
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Runs work in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(SqlWork<T> work) {
        if (dialect != Dialect.SQLITE) {
            return transaction(work);
        }
        sqliteWriter.lock();
        try {
            return transaction(work);
        } finally {
            sqliteWriter.unlock();
        }
    }

    private <T> T transaction(SqlWork<T> work) {
        Connection c = borrow();
        try {
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            markIfLost(c, e);
            throw new DatabaseException("transaction failed", e);
        } finally {
            release(c);
        }
    }

    /** Runs read-only work outside a transaction (each statement sees the latest commit). */
    public <T> T read(SqlWork<T> work) {
        Connection c = borrow();
        try {
            return work.apply(c);
        } catch (SQLException e) {
            markIfLost(c, e);
            throw new DatabaseException("query failed", e);
        } finally {
            release(c);
        }
    }

    /** True when the database answers a trivial query. */
    public boolean ping() {
        if (closed) {
            return false;
        }
        try {
            return read(c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery("SELECT 1")) {
                    return rs.next();
                }
            });
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Connection borrow() {
        if (closed) {
            throw new DatabaseException("database is closed", null);
        }
        try {
            Connection c = idle.poll(BORROW_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (c == null) {
                throw new DatabaseException("no database connection free after " + BORROW_TIMEOUT, null);
            }
            return usable(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseException("interrupted waiting for a connection", e);
        }
    }

    /**
     * The connection itself, or a new one in its place when it is lost: PostgreSQL's server can
     * drop connections (a restart, an idle timeout on the way), and a pool that kept a dead one
     * would fail every request it served until Kanal restarted. When no new one can be opened,
     * the old one goes back to the pool (to be tried again next time) and this borrow fails.
     */
    private Connection usable(Connection c) {
        if (!lost(c)) {
            return c;
        }
        Connection fresh;
        try {
            fresh = DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            broken.add(c);
            release(c);
            throw new DatabaseException("database unreachable", e);
        }
        synchronized (all) {
            all.set(all.indexOf(c), fresh);
        }
        broken.remove(c);
        idleSince.remove(c);
        try {
            c.close();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing a lost connection failed", e);
        }
        LOG.log(System.Logger.Level.WARNING, "database connection lost; replaced by a new one");
        return fresh;
    }

    private boolean lost(Connection c) {
        try {
            if (broken.contains(c) || c.isClosed()) {
                return true;
            }
            Long since = idleSince.get(c);
            return dialect == Dialect.POSTGRESQL && since != null
                    && System.nanoTime() - since >= VALIDATE_AFTER_IDLE.toNanos()
                    && !c.isValid(VALIDATE_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return true;
        }
    }

    /** SQLSTATE class 08 (connection exception) and 57P01-57P03 (the server shut the session down). */
    private void markIfLost(Connection c, SQLException e) {
        String state = e.getSQLState();
        boolean closed;
        try {
            closed = c.isClosed();
        } catch (SQLException ignored) {
            closed = true;
        }
        if (closed || (state != null && (state.startsWith("08") || state.startsWith("57P0")))) {
            broken.add(c);
        }
    }

    private void release(Connection c) {
        idleSince.put(c, System.nanoTime());
        idle.add(c);
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "rollback failed", e);
        }
    }

    /** Waits for the connections in use to come back, then closes them all (SQLite checkpoints its WAL). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = 0; i < all.size(); i++) {
            try {
                idle.poll(BORROW_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
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
        LOG.log(System.Logger.Level.INFO, "database closed");
    }
}
