package id.kanal.store;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
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
 *
 * <p>The writer commits with {@code synchronous=NORMAL} and the pool syncs the write-ahead log itself
 * right after each commit, before anyone is told of it ({@link #syncCommit}): the same guarantee as
 * {@code synchronous=FULL} (every commit's frames are on disk before it is answered; SQLite still syncs
 * the log's header when it starts the log again, and the log before a checkpoint copies it), but with
 * {@code fdatasync}, which sqlite-jdbc's library, built without {@code HAVE_FDATASYNC}, does not use:
 * its {@code fsync} also wrote the log's modification time through the file system's journal on every
 * commit. The readers keep {@code synchronous=FULL}: a transaction nested in another writes on one.
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
    /** The write-ahead log the pool syncs (null: none, SQLite syncs); {@link #log}: its descriptor, from the first sync. */
    private final Path logFile;
    private FileChannel log;
    /** Syncs of the log so far (tests). */
    private final java.util.concurrent.atomic.LongAdder syncs = new java.util.concurrent.atomic.LongAdder();

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
            logFile = logToSync(readers.get(0));
            writer = openWriter();
        } catch (SQLException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private Connection open() throws SQLException {
        return StatementCache.wrap(DriverManager.getConnection(url, properties));
    }

    /**
     * The database's write-ahead log, which {@link #syncCommit} syncs; null when there is none (in memory, or a
     * file system where SQLite could not use WAL), and SQLite syncs as configured.
     */
    private static Path logToSync(Connection c) throws SQLException {
        String file = WalCheckpointer.databaseFile(c);
        try (var s = c.createStatement(); var rs = s.executeQuery("PRAGMA journal_mode")) {
            return !file.isEmpty() && rs.next() && "wal".equalsIgnoreCase(rs.getString(1)) ? Path.of(file + "-wal") : null;
        }
    }

    /** The writer (also in place of one that work closed by mistake): with a log to sync, SQLite leaves that sync out. */
    private Connection openWriter() throws SQLException {
        Connection w;
        if (logFile == null) {
            w = open();
        } else {
            Properties writing = new Properties();
            writing.putAll(properties);
            writing.setProperty("synchronous", "NORMAL");
            w = StatementCache.wrap(DriverManager.getConnection(url, writing));
        }
        // Its transactions are begun and ended by statements of its own (inWriterTransaction). sqlite-jdbc's auto-commit
        // is turned off for good, or it would try to commit after each statement; the transaction turning it off began
        // is ended at once.
        w.setAutoCommit(false);
        run(w, COMMIT);
        return w;
    }

    private static final String BEGIN = "BEGIN IMMEDIATE";
    private static final String COMMIT = "COMMIT";
    private static final String ROLLBACK = "ROLLBACK";

    /**
     * Runs {@code work} in a transaction of the writer, begun and committed by statements prepared once
     * ({@link StatementCache}). sqlite-jdbc's {@code setAutoCommit}/{@code commit} compile "begin" and "commit"
     * anew each time, four of them a transaction (its commit begins the next one, which turning auto-commit back
     * on commits): 2.7% of an SMS turn's CPU at a dozen turns a group commit. Outside one, the writer's statements
     * commit by themselves (SQLite's own auto-commit), as a reader's do.
     */
    static <T> T inWriterTransaction(Connection writer, SqlWork<T> work) throws SQLException {
        run(writer, BEGIN);
        try {
            T result = work.apply(writer);
            commit(writer);
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                run(writer, ROLLBACK);
            } catch (SQLException again) {
                // SQLite already rolled it back (a full disk, an I/O error): nothing is open.
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    /** A method of its own: the bench's profile counts its samples as the commit's (CpuProfile). */
    private static void commit(Connection writer) throws SQLException {
        run(writer, COMMIT);
    }

    private static void run(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.execute();
        }
    }

    /**
     * Syncs the write-ahead log after a commit of the writer ({@code fdatasync}): everything written to it before
     * the call is on disk when it returns. A log that does not exist yet holds nothing to sync.
     *
     * <p>A {@link FileChannel} closes itself when a thread blocked in it, or entering it, is interrupted: the
     * pool's one descriptor of the log, which every later commit would then have failed to sync. So the
     * caller's interrupt is set aside during the sync (and kept for it), and a channel that an interrupt closed
     * meanwhile is opened again and the sync done again.
     */
    @Override
    public void syncCommit() throws SQLException {
        if (logFile == null) {
            return;
        }
        boolean interrupted = Thread.interrupted();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    log().force(false);
                    syncs.increment();
                    return;
                } catch (ClosedChannelException e) {
                    interrupted |= Thread.interrupted();
                    if (attempt == 2) {
                        throw e;
                    }
                }
            }
        } catch (NoSuchFileException e) {
            // Nothing was ever written to it.
        } catch (IOException e) {
            throw new SQLException("cannot sync the write-ahead log " + logFile, e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The log's descriptor, opened at the first sync and again after an interrupt closed it. */
    private synchronized FileChannel log() throws IOException {
        if (log == null || !log.isOpen()) {
            // Opened for writing, though nothing is written through it: Windows syncs only such handles.
            log = FileChannel.open(logFile, StandardOpenOption.WRITE);
        }
        return log;
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

    /** How many times the log was synced (tests). */
    long syncsForTests() {
        return syncs.sum();
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
                writer = openWriter();
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
        // After the connections: closing a descriptor of a file drops every POSIX lock the process holds on it.
        FileChannel opened;
        synchronized (this) {
            opened = log;
        }
        if (opened != null) {
            try {
                opened.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "closing the write-ahead log failed", e);
            }
        }
    }
}
