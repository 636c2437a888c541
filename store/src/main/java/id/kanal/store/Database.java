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
 */
public final class Database implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Database.class.getName());
    private static final Duration BORROW_TIMEOUT = Duration.ofSeconds(10);

    private final String url;
    private final Dialect dialect;
    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();
    private final java.util.concurrent.locks.ReentrantLock sqliteWriter = new java.util.concurrent.locks.ReentrantLock(true);
    private volatile boolean closed;

    private Database(String url, Properties properties, int poolSize) throws SQLException {
        this.url = url;
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
            return c;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseException("interrupted waiting for a connection", e);
        }
    }

    private void release(Connection c) {
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
        for (Connection c : all) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.log(System.Logger.Level.WARNING, "closing a connection failed", e);
            }
        }
        LOG.log(System.Logger.Level.INFO, "database closed");
    }
}
