package id.kanal.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Copies SQLite's write-ahead log into the database file on its own thread and connection, every
 * {@link #EVERY}. SQLite otherwise checkpoints inside the commit that crosses its page limit: that
 * turn's commit, and every turn batched behind it, waited for the copy and the database file's
 * fsync (a long tail in the benchmark's p99). A passive checkpoint waits for no reader or
 * writer, and the log stays the truth until it is done, so a crash in the middle loses nothing.
 * The connections keep a far larger automatic limit as a backstop.
 */
final class WalCheckpointer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(WalCheckpointer.class.getName());
    static final Duration EVERY = Duration.ofMillis(250);
    /** Pages in the log before a commit checkpoints by itself, when this thread falls behind. */
    static final int BACKSTOP_PAGES = 20_000;

    private final Connection connection;
    private final ScheduledExecutorService thread;

    private WalCheckpointer(Connection connection) {
        this.connection = connection;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sqlite-checkpoint");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::checkpoint, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    static WalCheckpointer start(String url, Properties properties) throws SQLException {
        return new WalCheckpointer(DriverManager.getConnection(url, properties));
    }

    private void checkpoint() {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (SQLException | RuntimeException e) {
            // The next round tries again; commits checkpoint by themselves past the backstop.
            LOG.log(System.Logger.Level.WARNING, "WAL checkpoint failed: {0}", e.toString());
        }
    }

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
    }
}
