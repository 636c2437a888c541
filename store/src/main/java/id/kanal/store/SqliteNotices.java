package id.kanal.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * {@link ClusterNotices} between processes that share one SQLite file: a command-line
 * {@code import-prices} tells the running server, which would otherwise quote its cached prices
 * until it restarts. A notice counts up its topic's row in {@code cluster_notice_versions}; each
 * process polls that small table, and only after {@code PRAGMA data_version} (free to ask) says that
 * another connection committed something. A topic whose version moved by more than one since the
 * last look may have missed a message: its subscribers resynchronise (reread everything) instead.
 */
final class SqliteNotices implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SqliteNotices.class.getName());
    /** How often the poller asks whether anything committed: a notice arrives within about this. */
    static final Duration POLL = Duration.ofMillis(200);
    private static final String BUMP = "INSERT INTO cluster_notice_versions (topic, version, node, message) "
            + "VALUES (?, 1, ?, ?) ON CONFLICT (topic) DO UPDATE SET version = cluster_notice_versions.version + 1, "
            + "node = excluded.node, message = excluded.message";

    private final Database db;
    private final String node;
    private final BiConsumer<String, String> deliver;
    private final Consumer<String> resync;
    /** The version of each shared topic this process has seen. */
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private Thread poller;
    private volatile boolean closed;

    /**
     * @param deliver a message another process published on a topic: {@code (topic, message)}
     * @param resync  a topic on which messages may have been missed
     */
    SqliteNotices(Database db, String node, BiConsumer<String, String> deliver, Consumer<String> resync) {
        this.db = Objects.requireNonNull(db, "db");
        this.node = node;
        this.deliver = deliver;
        this.resync = resync;
    }

    /** Shares the topic with the other processes: what they publish on it from now on arrives here. */
    synchronized void share(String topic) {
        if (seen.containsKey(topic)) {
            return;
        }
        seen.put(topic, db.read(c -> Statements.first(c, "SELECT version FROM cluster_notice_versions WHERE topic = ?",
                rs -> rs.getLong(1), topic)).orElse(0L));
        if (poller == null) {
            poller = Thread.ofPlatform().daemon().name("kanal-sqlite-notices").start(this::poll);
        }
    }

    boolean shares(String topic) {
        return seen.containsKey(topic);
    }

    /** Counts up the topic's row (committed when this returns), naming this process and the message. */
    void publish(String topic, String message) {
        long version = db.inTransaction(c -> {
            Statements.update(c, BUMP, topic, node, message);
            return Statements.first(c, "SELECT version FROM cluster_notice_versions WHERE topic = ?",
                    rs -> rs.getLong(1), topic).orElseThrow();
        });
        // Its own notice is no news to this process: seen at once, unless others' came in between
        // (then the poller finds the gap and resynchronises).
        seen.computeIfPresent(topic, (t, last) -> version == last + 1 ? version : last);
    }

    private void poll() {
        Connection c = null;
        long dataVersion = Long.MIN_VALUE;
        while (!closed) {
            try {
                if (c == null) {
                    c = DriverManager.getConnection(db.url());
                    try (Statement s = c.createStatement()) {
                        s.execute("PRAGMA busy_timeout = 5000");
                    }
                    dataVersion = Long.MIN_VALUE;
                }
                long now = dataVersion(c);
                if (now != dataVersion) {
                    dataVersion = now;
                    check(c);
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    break;
                }
                LOG.log(System.Logger.Level.WARNING, "sqlite notices: polling failed, retrying: {0}", e.toString());
                c = closeQuietly(c);
            }
            LockSupport.parkNanos(POLL.toNanos()); // the poller's pace; close() unparks it
        }
        closeQuietly(c);
    }

    private static long dataVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA data_version")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void check(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT topic, version, node, message FROM cluster_notice_versions")) {
            while (rs.next()) {
                String topic = rs.getString(1);
                long version = rs.getLong(2);
                long[] gap = {0};
                seen.computeIfPresent(topic, (t, last) -> {
                    gap[0] = version - last;
                    return Math.max(last, version);
                });
                if (gap[0] <= 0) {
                    continue;
                }
                if (gap[0] > 1) {
                    resync.accept(topic); // more than one notice since the last look: reread it all
                } else if (!node.equals(rs.getString(3))) {
                    deliver.accept(topic, rs.getString(4));
                }
            }
        }
    }

    private static Connection closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the connection is dropped either way
            }
        }
        return null;
    }

    @Override
    public void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = poller;
        }
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join(POLL.toMillis() * 5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
