package id.kanal.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

/**
 * Copies SQLite's write-ahead log into the database file on its own thread and connection, every
 * {@link #EVERY}. SQLite otherwise checkpoints inside the commit that crosses its page limit: that
 * turn's commit, and every turn batched behind it, waited for the copy and the database file's
 * fsync (a long tail in the benchmark's p99). A passive checkpoint waits for no reader or
 * writer, and the log stays the truth until it is done, so a crash in the middle loses nothing.
 * The connections keep a far larger automatic limit as a backstop.
 *
 * <p>Under a steady load a passive checkpoint never catches up with the commits made while it
 * copies, so the log is never started again from its beginning: it grew to the backstop, and the
 * commit that crossed it copied and synced what was left while every turn waited (22-42 ms, every
 * half second at 14,000 turns/s). So once the log holds {@link #RESTART_FROM_FRAMES} frames, the
 * passive copy is followed by a second one, then by a restarting one while writers are held back
 * ({@code writers}): it has only the frames committed during the second copy to write, then waits a
 * few milliseconds at most for readers of the old log to finish, and the next commit writes the log
 * from its start.
 * SQLite syncs the database file only after a checkpoint that copied the whole log, so before
 * holding writers back this thread syncs what the passive copies wrote (about 20 ms under that
 * load, which writers then waited through) after each passive copy.
 *
 * <p>That sync goes through a descriptor of the database file of this class's own, opened once and
 * closed only after every SQLite connection of the {@link Database} is: closing any descriptor of
 * a file drops every POSIX lock the process holds on it, SQLite's included.
 */
final class WalCheckpointer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(WalCheckpointer.class.getName());
    static final Duration EVERY = Duration.ofMillis(250);
    /** Pages in the log before a commit checkpoints by itself, when this thread falls behind. */
    static final int BACKSTOP_PAGES = 20_000;
    /** Frames in the log (16 MiB of 4 KiB pages) from which a checkpoint also restarts it. */
    static final int RESTART_FROM_FRAMES = 4_096;
    /** How long a restarting checkpoint waits for readers of the old log, while writers wait for it. */
    static final int READERS_WAIT_MILLIS = 10;

    private final Connection connection;
    private final Lock writers;
    /** The database file, to sync the passive copies' pages; null for a database without one. */
    private final FileChannel databaseFile;
    private final ScheduledExecutorService thread;

    private WalCheckpointer(Connection connection, Lock writers, FileChannel databaseFile, Duration every) {
        this.connection = connection;
        this.writers = writers;
        this.databaseFile = databaseFile;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sqlite-checkpoint");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::checkpoint, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** @param writers held by every write transaction of this process: held here, no commit starts */
    static WalCheckpointer start(String url, Properties properties, Lock writers) throws SQLException {
        return start(url, properties, writers, EVERY);
    }

    /** The same, a round every {@code every} (tests call {@link #checkpoint} themselves). */
    static WalCheckpointer start(String url, Properties properties, Lock writers, Duration every) throws SQLException {
        Connection connection = DriverManager.getConnection(url, properties);
        try {
            return new WalCheckpointer(connection, writers, open(databaseFile(connection)), every);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** The main database's file as SQLite names it (whatever the URL's form); empty in memory. */
    static String databaseFile(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA database_list")) {
            while (rs.next()) {
                if ("main".equals(rs.getString(2))) {
                    return rs.getString(3) == null ? "" : rs.getString(3);
                }
            }
            return "";
        }
    }

    private static FileChannel open(String file) throws SQLException {
        if (file.isEmpty()) {
            return null;
        }
        try {
            return FileChannel.open(Path.of(file), StandardOpenOption.READ);
        } catch (IOException e) {
            throw new SQLException("cannot open " + file + " to sync it", e);
        }
    }

    /** One round: a passive copy, then a restarting one when the log has grown. */
    void checkpoint() {
        try (Statement s = connection.createStatement()) {
            if (copyLog(s, "PASSIVE") >= RESTART_FROM_FRAMES) {
                restart(s);
            }
        } catch (SQLException | IOException | RuntimeException e) {
            // The next round tries again; commits checkpoint by themselves past the backstop.
            LOG.log(System.Logger.Level.WARNING, "WAL checkpoint failed: {0}", e.toString());
        }
    }

    /**
     * With no write transaction under way, copies the rest of the log and waits (briefly) for its
     * readers, so that the next commit starts the log again. Readers still busy after the wait leave
     * it as it was: the next round tries again.
     */
    private void restart(Statement s) throws SQLException, IOException {
        // Copy and sync once more while writers go on: the held round then has only what was committed
        // meanwhile (writers held 3.7 ms at the median, against 7.8 after one round and 19-27 without the syncs).
        syncDatabaseFile();
        copyLog(s, "PASSIVE");
        syncDatabaseFile();
        writers.lock();
        try {
            s.execute("PRAGMA busy_timeout = " + READERS_WAIT_MILLIS);
            copyLog(s, "RESTART");
        } finally {
            try {
                s.execute("PRAGMA busy_timeout = " + Database.SQLITE_BUSY_TIMEOUT_MILLIS);
            } finally {
                writers.unlock();
            }
        }
    }

    /** Syncs the pages the passive copies wrote into the database file (SQLite syncs only after a complete copy). */
    private void syncDatabaseFile() throws IOException {
        if (databaseFile != null) {
            databaseFile.force(false);
        }
    }

    /** Runs a checkpoint of {@code mode} (it copies what it may); returns the frames the log holds (SQLite's "log" column). */
    private static int copyLog(Statement s, String mode) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
            return rs.next() ? rs.getInt(2) : 0;
        }
    }

    /** Call once every other SQLite connection of the database is closed (see the class comment). */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "WAL checkpoint still running at close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the checkpoint connection failed", e);
        }
        if (databaseFile != null) {
            try {
                databaseFile.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "closing the database file failed", e);
            }
        }
    }
}
