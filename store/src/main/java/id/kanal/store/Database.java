package id.kanal.store;

import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Kanal's one database: a pool of connections, transactions, and the schema migrations
 * (Flyway, {@code classpath:db/migration}) applied when it opens.
 *
 * <p>SQLite runs in WAL mode, every commit synced before it returns ({@code synchronous=FULL}, or on
 * the writer {@code NORMAL} and a sync of the log by {@link SqlitePool}), so a committed turn survives a
 * crash and a power cut; every transaction starts {@code IMMEDIATE}, so writers queue on the
 * busy timeout instead of failing to upgrade a read lock. SQLite has one writer at a time anyway;
 * its busy handler waits by sleeping (1, 2, 5 ... 100 ms), which under load turns into long tail
 * latencies, so writers queue in order on a fair lock here instead, and never meet a busy database.
 * Its connections are a fixed set ({@link SqlitePool}): readers, and one writer that every write
 * transaction runs on, so that its page cache survives from one commit to the next.
 *
 * <p>PostgreSQL runs transactions at once (READ COMMITTED) and needs neither; its connections are
 * pooled by HikariCP ({@link PostgresPool}), which replaces those the server dropped.
 */
public final class Database implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Database.class.getName());
    private static final int SQLITE_POOL_SIZE = 4;
    /** How long a SQLite connection waits for another's lock before giving up. */
    static final int SQLITE_BUSY_TIMEOUT_MILLIS = 10_000;

    private final String url;
    private final PoolOptions options;
    private final Dialect dialect;
    private final Duration closeWait;
    private final ConnectionPool pool;
    /** SQLite's log copied into the file off the commit path; null on PostgreSQL. */
    private WalCheckpointer checkpointer;
    private final ReentrantLock sqliteWriter = new ReentrantLock(true);
    /** SQLite: every writer's work that may share a commit (turns, USSD screens, filings) queues here. */
    private final GroupCommit group = new GroupCommit(this, 64);
    /** {@link #exclusively} on SQLite: start-up work, one at a time in this process. */
    private final ReentrantLock startup = new ReentrantLock();
    /** Guards {@link #borrowed} and {@link #closed}; close waits on it for borrowed connections to come back. */
    private final Object lifecycle = new Object();
    private int borrowed;
    private boolean closed;

    private Database(String url, PoolOptions options, Dialect dialect, Duration closeWait, ConnectionPool pool) {
        this.url = url;
        this.options = options;
        this.dialect = dialect;
        this.closeWait = closeWait;
        this.pool = pool;
    }

    /** Opens (creating if needed) the SQLite file {@code kanal.db} in a data directory, and migrates it. */
    public static Database openSqlite(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new DatabaseException("cannot create data directory " + dataDir, e);
        }
        return open("jdbc:sqlite:" + dataDir.resolve("kanal.db").toAbsolutePath(), SQLITE_POOL_SIZE);
    }

    /**
     * Opens a database by JDBC URL ({@code jdbc:sqlite:...} or {@code jdbc:postgresql:...}) with
     * {@code poolSize} connections and otherwise {@link PoolOptions#DEFAULTS}, and migrates it.
     */
    public static Database open(String jdbcUrl, int poolSize) {
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be >= 1: " + poolSize);
        }
        return open(jdbcUrl, PoolOptions.DEFAULTS.withSize(poolSize));
    }

    /** Opens a database by JDBC URL ({@code jdbc:sqlite:...} or {@code jdbc:postgresql:...}) and migrates it. */
    public static Database open(String jdbcUrl, PoolOptions options) {
        Dialect dialect = Dialect.of(jdbcUrl);
        ConnectionPool pool;
        try {
            pool = dialect == Dialect.SQLITE
                    ? new SqlitePool(jdbcUrl, sqliteProperties(), options)
                    : new PostgresPool(jdbcUrl, options);
        } catch (SQLException | RuntimeException e) {
            throw new DatabaseException("cannot open database", e);
        }
        Database db = new Database(jdbcUrl, options, dialect, options.connectionTimeout(), pool);
        try {
            db.migrate();
            if (dialect == Dialect.SQLITE) {
                db.checkpointer = WalCheckpointer.start(jdbcUrl, sqliteProperties(), db.sqliteWriter);
            }
        } catch (SQLException e) {
            db.close();
            throw new DatabaseException("cannot open database", e);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    private static Properties sqliteProperties() {
        return sqliteConfig().toProperties();
    }

    /**
     * The readers' and the writer's. The writer keeps SQLite's default page cache (2 MiB): with 64 MiB,
     * commits made SQLite walk the whole cache's hash table to drop pages past the end (a uprobe counted
     * 550 walks a second over 16,384 buckets and 15,856 pages at 14,500 turns/s, 6.75% of the server's CPU
     * samples; keeping free pages so that commits need not grow the file did not avoid it), which cost
     * more than the reads from the operating system's cache that a small one adds.
     */
    private static SQLiteConfig sqliteConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MILLIS);
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        // sqlite-jdbc otherwise runs "SELECT last_insert_rowid()" (compiled anew) after every INSERT,
        // for getGeneratedKeys(), which Kanal never calls (it uses RETURNING where it needs a key).
        config.setGetGeneratedKeys(false);
        config.setWalAutocheckpoint(WalCheckpointer.BACKSTOP_PAGES);
        return config;
    }

    /**
     * A second PostgreSQL pool on the same database, for connections held open across other work
     * (a session's advisory locks): taken from the main pool, they could leave the work waiting
     * for a connection its own lock holds.
     */
    ConnectionPool sidePool(String name, int size) {
        if (dialect == Dialect.SQLITE) {
            throw new IllegalStateException("a side pool is for PostgreSQL");
        }
        return new PostgresPool(name, url, options.withSize(size));
    }

    /** The JDBC URL it was opened with (for a connection of its own that listens for notifications). */
    String url() {
        return url;
    }

    /** How many connections its pool keeps. */
    public int poolSize() {
        return options.size();
    }

    /** Flyway runs on one of the pool's own, already configured connections (and never asks for a second). */
    private void migrate() {
        // Nodes starting together on a fresh PostgreSQL: one migrates, the others wait, then find
        // nothing to do (Flyway's own lock is taken only once its history table exists).
        exclusively("migrations", () -> {
            Connection c = borrow();
            try {
                Flyway.configure()
                        .dataSource(new SingleConnectionDataSource(c, url))
                        .locations("classpath:db/migration")
                        // Migration numbers are reserved in ranges (V56-V59 came after V150): a database
                        // deployed before such a migration must take it, not refuse to start.
                        .outOfOrder(true)
                        .load()
                        .migrate();
            } finally {
                release(c);
            }
            return null;
        });
    }

    /**
     * Runs {@code work} while no other node runs work of the same {@code purpose} on this database:
     * a PostgreSQL session advisory lock on a connection of its own, so that nodes starting
     * together seed demo data once and create one first admin. SQLite has one node: a lock in
     * memory is enough. A node that dies holding it releases it with its connection.
     */
    public <T> T exclusively(String purpose, java.util.function.Supplier<T> work) {
        if (dialect == Dialect.SQLITE) {
            startup.lock();
            try {
                return work.get();
            } finally {
                startup.unlock();
            }
        }
        Connection lock;
        try {
            lock = java.sql.DriverManager.getConnection(url);
        } catch (SQLException e) {
            throw new DatabaseException("database unreachable", e);
        }
        try (lock) {
            AdvisoryLocks.lock(lock, AdvisoryLocks.STARTUP, purpose.hashCode());
            try {
                return work.get();
            } finally {
                AdvisoryLocks.unlock(lock, AdvisoryLocks.STARTUP, purpose.hashCode());
            }
        } catch (SQLException e) {
            throw new DatabaseException("advisory lock for " + purpose + " failed", e);
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    /** SQLite: the rows of conversations written behind their turns, shared by every store of this database. */
    private volatile RowsBehind rowsBehind;

    /**
     * SQLite: the conversations whose rows are behind their turns, created on first use with a flush
     * {@code flushAfter} after a row fell behind (every store of this database shares it).
     */
    synchronized RowsBehind rowsBehind(java.time.Duration flushAfter) {
        if (rowsBehind == null) {
            rowsBehind = new RowsBehind(this, flushAfter);
        }
        return rowsBehind;
    }

    /**
     * SQLite: the newest transcript line of {@code resident} that this process wrote and the conversation's row
     * does not name yet (its row written behind its turns), or 0: the third parameter of {@link ResidentLines}.
     */
    public long newestLine(String channel, String address) {
        for (id.kanal.dialog.Channel c : id.kanal.dialog.Channel.values()) {
            if (c.id().equals(channel)) {
                return newestLine(new id.kanal.dialog.Address(c, address));
            }
        }
        return 0; // not a dialog's channel (a complaint from Open311): no transcript
    }

    /** {@link #newestLine(String, String)} of a resident. */
    public long newestLine(id.kanal.dialog.Address resident) {
        RowsBehind behind = rowsBehind;
        return behind == null ? 0 : behind.newestLine(resident);
    }

    /**
     * Runs work in a transaction that, on SQLite, it may share with other threads' work queued
     * meanwhile (one commit and one fsync for all, see {@link GroupCommit}); returns once that
     * commit is on disk. The work may run more than once before it commits (when another piece of
     * its batch fails), on another thread: it must write only through the connection it is given.
     * On PostgreSQL it is {@link #inTransaction}.
     */
    public <T> T inGroupCommit(SqlWork<T> work) {
        return group.inTransaction(work);
    }

    /** Runs work in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(SqlWork<T> work) {
        return inTransaction(work, null);
    }

    /**
     * SQLite, for {@link GroupCommit}: runs work in one transaction on the writer and returns once it committed,
     * before the log is synced, with the writer free again; its after-commit hooks are added to {@code hooks}
     * instead of run. The caller syncs the log ({@link #syncLog}) and then runs the hooks, before anyone learns
     * of the commit.
     */
    <T> T inTransactionSyncedLater(SqlWork<T> work, java.util.List<Runnable> hooks) {
        return inTransaction(work, java.util.Objects.requireNonNull(hooks, "hooks"));
    }

    /** SQLite: syncs the log; every commit made before the call is on disk when it returns. */
    void syncLog() {
        try {
            pool.syncCommit();
        } catch (SQLException e) {
            throw new DatabaseException("transaction failed", e);
        }
    }

    private <T> T inTransaction(SqlWork<T> work, java.util.List<Runnable> laterHooks) {
        if (dialect != Dialect.SQLITE) {
            return transaction(work, false, null);
        }
        sqliteWriter.lock();
        try {
            // A transaction nested in another on this thread cannot share the writer's (it would
            // commit the outer one): it takes a reader, as every transaction did before the writer.
            return transaction(work, sqliteWriter.getHoldCount() == 1, laterHooks);
        } finally {
            sqliteWriter.unlock();
        }
    }

    /**
     * @param onWriter   on SQLite's writer connection (the caller holds the writer lock)
     * @param laterHooks null: the log is synced and the after-commit hooks run before this returns; otherwise the
     *                   caller syncs, and the hooks are added here for it to run
     */
    private <T> T transaction(SqlWork<T> work, boolean onWriter, java.util.List<Runnable> laterHooks) {
        Connection c = onWriter ? borrowWriter() : borrow();
        java.util.List<Runnable> outer = AFTER_COMMIT.get();
        java.util.List<Runnable> hooks = new java.util.ArrayList<>(0);
        AFTER_COMMIT.set(hooks);
        try {
            T result = onWriter ? SqlitePool.inWriterTransaction(c, work) : inJdbcTransaction(c, work);
            if (laterHooks != null) {
                laterHooks.addAll(hooks);
                return result;
            }
            if (onWriter) {
                pool.syncCommit();
            }
            hooks.forEach(Runnable::run);
            return result;
        } catch (SQLException e) {
            throw new DatabaseException("transaction failed", e);
        } finally {
            AFTER_COMMIT.set(outer);
            if (onWriter) {
                releaseWriter(c);
            } else {
                release(c);
            }
        }
    }

    /** What runs after the {@link #inTransaction} open on this thread commits (nothing when it rolls back). */
    private static final ThreadLocal<java.util.List<Runnable>> AFTER_COMMIT = new ThreadLocal<>();

    /**
     * The transaction open on this thread, as an object that is this transaction's alone (its list of
     * after-commit hooks), or null outside one: for what is known only until it commits or rolls back.
     */
    static Object openTransaction() {
        return AFTER_COMMIT.get();
    }

    /**
     * Runs {@code action} once the {@link #inTransaction} open on this thread has committed: for
     * memos of what the database holds, which must change only once the change is visible.
     *
     * @return false when no such transaction is open here (the caller must assume the worst)
     */
    public static boolean afterCommit(Runnable action) {
        java.util.List<Runnable> hooks = AFTER_COMMIT.get();
        if (hooks == null) {
            return false;
        }
        hooks.add(action);
        return true;
    }

    /**
     * A status question's few index look-ups, on SQLite's writer connection between its transactions. A
     * reader connection starts every read with an empty page cache once anything committed since (at every
     * group commit under load: a status question's two queries cost about 60 us of CPU there); the writer's
     * cache stays valid from one commit to the next. Every write waits meanwhile, so the read gets
     * {@link #WRITER_READ_BUDGET} there (a status question takes tens of microseconds); one that needs more (a
     * resident with thousands of complaints) is stopped and runs again on a reader. On PostgreSQL, or inside a
     * transaction of this thread, a {@link #read}.
     */
    public <T> T readOnWriter(SqlWork<T> work) {
        return readOnWriter(work, WRITER_READ_BUDGET);
    }

    /** {@link #readOnWriter(SqlWork)} with another budget (tests: one no scheduling delay can exceed). */
    <T> T readOnWriter(SqlWork<T> work, Duration budget) {
        if (dialect != Dialect.SQLITE || sqliteWriter.isHeldByCurrentThread()) {
            return read(work);
        }
        sqliteWriter.lock();
        try {
            Connection c = borrowWriter();
            try {
                return withinBudget(c, work, budget);
            } catch (SQLException e) {
                if (e.getErrorCode() != org.sqlite.SQLiteErrorCode.SQLITE_INTERRUPT.code) {
                    throw new DatabaseException("statement failed", e);
                }
            } finally {
                releaseWriter(c);
            }
        } finally {
            sqliteWriter.unlock();
        }
        return read(work);
    }

    /** How long a read may keep SQLite's writer from every write. */
    static final Duration WRITER_READ_BUDGET = Duration.ofMillis(1);
    /**
     * SQLite virtual machine steps between two looks at the clock. SQLite counts a statement's steps over all
     * its runs (a cached statement's too), so a budget in steps stopped a cheap read now and then; a budget in
     * time looked at every few thousand steps does not.
     */
    private static final int STEPS_BETWEEN_LOOKS = 2_000;

    private static <T> T withinBudget(Connection c, SqlWork<T> work, Duration budget) throws SQLException {
        Connection sqlite = c.unwrap(org.sqlite.SQLiteConnection.class);
        long deadline = System.nanoTime() + budget.toNanos();
        // A non-zero answer stops the statement (SQLITE_INTERRUPT).
        org.sqlite.ProgressHandler.setHandler(sqlite, STEPS_BETWEEN_LOOKS, new org.sqlite.ProgressHandler() {
            @Override
            protected int progress() {
                return System.nanoTime() - deadline > 0 ? 1 : 0;
            }
        });
        try {
            return work.apply(c);
        } finally {
            org.sqlite.ProgressHandler.clearHandler(sqlite);
        }
    }

    /** Runs read-only work outside a transaction (each statement sees the latest commit). */
    public <T> T read(SqlWork<T> work) {
        return inAutocommit(work);
    }

    /**
     * Runs work on a pooled connection in autocommit mode: each statement commits by itself, and on
     * PostgreSQL so does a batch of statements the driver sends before one Sync (the server runs it as one
     * implicit transaction). For writes that are one such batch: no separate COMMIT round trip. A reader
     * connection on SQLite, so not for SQLite writes.
     */
    public <T> T inAutocommit(SqlWork<T> work) {
        Connection c = borrow();
        try {
            return work.apply(c);
        } catch (SQLException e) {
            throw new DatabaseException("statement failed", e);
        } finally {
            release(c);
        }
    }

    /** SQLite: how many times the writer's commits were synced (tests). */
    long logSyncsForTests() {
        return ((SqlitePool) pool).syncsForTests();
    }

    /** True when the database answers a trivial query. */
    public boolean ping() {
        synchronized (lifecycle) {
            if (closed) {
                return false;
            }
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
        return borrow(ConnectionPool::borrow);
    }

    private Connection borrowWriter() {
        return borrow(ConnectionPool::borrowForWrite);
    }

    private interface Borrowing {
        Connection from(ConnectionPool pool) throws SQLException;
    }

    /** Counts the connection as borrowed (close waits for it) before taking it. */
    private Connection borrow(Borrowing borrowing) {
        synchronized (lifecycle) {
            if (closed) {
                throw new DatabaseException("database is closed", null);
            }
            borrowed++;
        }
        try {
            return borrowing.from(pool);
        } catch (SQLException e) {
            returned();
            throw new DatabaseException("database unreachable", e);
        } catch (RuntimeException e) {
            returned();
            throw e;
        }
    }

    private void release(Connection c) {
        try {
            pool.release(c);
        } finally {
            returned();
        }
    }

    private void releaseWriter(Connection c) {
        try {
            pool.releaseFromWrite(c);
        } finally {
            returned();
        }
    }

    private void returned() {
        synchronized (lifecycle) {
            borrowed--;
            lifecycle.notifyAll();
        }
    }

    private static <T> T inJdbcTransaction(Connection c, SqlWork<T> work) throws SQLException {
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
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "rollback failed", e);
        }
    }

    /**
     * Waits (up to the connection timeout) for the connections in use to come back, then closes
     * them all (SQLite checkpoints its WAL).
     */
    @Override
    public void close() {
        RowsBehind behind = rowsBehind;
        boolean open;
        synchronized (lifecycle) {
            open = !closed;
        }
        if (behind != null && open) {
            try {
                behind.close(); // the rows behind their turns, while the database still takes writes
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "writing the conversation rows behind failed at close; "
                        + "the next start takes them from their lines: {0}", e.toString());
            }
        }
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            long deadline = System.nanoTime() + closeWait.toNanos();
            try {
                for (long left = closeWait.toNanos(); borrowed > 0 && left > 0; left = deadline - System.nanoTime()) {
                    lifecycle.wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (borrowed > 0) {
                LOG.log(System.Logger.Level.WARNING, "closing the database with {0} connection(s) still in use", borrowed);
            }
        }
        pool.close();
        if (checkpointer != null) {
            // Last: its descriptor of the file must outlive every SQLite connection (WalCheckpointer).
            checkpointer.close();
        }
        LOG.log(System.Logger.Level.INFO, "database closed");
    }
}
