package id.kanal.store;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * News between the nodes that share one PostgreSQL database, by {@code LISTEN}/{@code NOTIFY}:
 * a node publishes a short text on a topic, every other node's subscribers receive it (a node
 * never receives its own: it acted on it already).
 *
 * <p>Notifications are not stored: one sent while a node's listening connection was down is lost
 * to it. So after every reconnect the subscribers' {@code resync} runs, and they reread what they
 * show or cache from the database. On SQLite (one server) nothing is sent and nothing arrives,
 * except on the topics {@link #acrossProcesses shared across processes}: a command-line import run
 * beside the server tells it through the database file ({@link SqliteNotices}).
 */
public final class ClusterNotices implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ClusterNotices.class.getName());
    private static final String PREFIX = "kanal_";
    /** The listening session's name in {@code pg_stat_activity}. */
    public static final String APPLICATION_NAME = "kanal-notices";
    /** How long the listener waits for notifications before it looks for new topics and for close. */
    private static final int POLL_MILLIS = 100;
    /** How long {@link #subscribe} waits for its LISTEN before it goes on (a database that is down at start). */
    private static final Duration SUBSCRIBE_WAIT = Duration.ofSeconds(5);
    private static final Duration RECONNECT_AFTER = Duration.ofSeconds(1);

    private record Subscriber(Consumer<String> onNotice, Runnable resync) {
    }

    private final Database db;
    private final String node = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, List<Subscriber>> topics = new ConcurrentHashMap<>();
    /** Topics the listening connection has LISTENed to; guarded by itself. */
    private final Set<String> listened = new java.util.HashSet<>();
    private final Thread listener;
    /** SQLite only: the topics shared with other processes on the same file; null on PostgreSQL. */
    private final SqliteNotices sqlite;
    private volatile boolean closed;

    private ClusterNotices(Database db) {
        this.db = db;
        this.listener = db.dialect() == Dialect.SQLITE ? null
                : Thread.ofPlatform().daemon().name("kanal-cluster-notices").start(this::listen);
        this.sqlite = db.dialect() == Dialect.SQLITE ? new SqliteNotices(db, node, this::deliverMessage, this::resync)
                : null;
    }

    /**
     * On SQLite, notices on this topic also reach another process using the same database file
     * (the server hears of a command-line import at once, not at its next start): through a row
     * that the others poll. Meant for rare notices (imports): each is a write. On PostgreSQL every
     * topic already reaches every node; this does nothing there.
     */
    public ClusterNotices acrossProcesses(String topic) {
        channel(topic);
        if (sqlite != null) {
            sqlite.share(topic);
        }
        return this;
    }

    /** Starts listening (PostgreSQL) or does nothing at all (SQLite). */
    public static ClusterNotices open(Database db) {
        return new ClusterNotices(Objects.requireNonNull(db, "db"));
    }

    /** This node's name in the notices it sends (random per start). */
    public String node() {
        return node;
    }

    /** Tells the other nodes; a failure is logged, never thrown: the change it announces has committed. */
    public void publish(String topic, String message) {
        if (sqlite != null) {
            if (sqlite.shares(topic)) {
                try {
                    sqlite.publish(topic, message);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "notice not stored topic={0}: {1}", topic, e.toString());
                }
            }
            return;
        }
        try {
            db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                    ps.setString(1, channel(topic));
                    ps.setString(2, node + "|" + message);
                    ps.executeQuery().close();
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cluster notice not sent topic={0}: {1}", topic, e.toString());
        }
    }

    /**
     * Calls {@code onNotice} with each message another node publishes on {@code topic} (on the
     * listener's thread: quick, never blocking), and {@code resync} after the listening connection
     * came back from a failure. Returns once the listening connection listens to the topic (or
     * after a few seconds when the database does not answer: then the resync follows), so that
     * what other nodes publish after it returns arrives.
     */
    public void subscribe(String topic, Consumer<String> onNotice, Runnable resync) {
        channel(topic);
        topics.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(new Subscriber(onNotice, resync));
        if (listener == null) {
            return;
        }
        long deadline = System.nanoTime() + SUBSCRIBE_WAIT.toNanos();
        synchronized (listened) {
            try {
                for (long left = SUBSCRIBE_WAIT.toMillis(); !listened.contains(topic) && left > 0;
                     left = (deadline - System.nanoTime()) / 1_000_000) {
                    listened.wait(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!listened.contains(topic)) {
                LOG.log(System.Logger.Level.WARNING, "cluster notices: not yet listening to topic={0}", topic);
            }
        }
    }

    private static String channel(String topic) {
        if (!topic.matches("[a-z_]{1,40}")) {
            throw new IllegalArgumentException("topic must be lower-case letters and _: " + topic);
        }
        return PREFIX + topic;
    }

    private void listen() {
        boolean first = true;
        while (!closed) {
            java.util.Properties named = new java.util.Properties();
            named.setProperty("ApplicationName", APPLICATION_NAME);
            try (Connection c = DriverManager.getConnection(db.url(), named)) {
                synchronized (listened) {
                    listened.clear();
                }
                Set<String> listening = new java.util.HashSet<>();
                listenToNew(c, listening);
                if (!first) {
                    LOG.log(System.Logger.Level.INFO, "cluster notices: listening again, resynchronising");
                    topics.values().forEach(list -> list.forEach(s -> safely(s.resync())));
                }
                first = false;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] got = pg.getNotifications(POLL_MILLIS);
                    if (got != null) {
                        for (PGNotification n : got) {
                            deliver(n.getName(), n.getParameter());
                        }
                    }
                    listenToNew(c, listening);
                }
            } catch (SQLException e) {
                if (closed) {
                    return;
                }
                first = false;
                LOG.log(System.Logger.Level.WARNING, "cluster notices: listening connection failed, retrying: {0}",
                        e.toString());
                try {
                    Thread.sleep(RECONNECT_AFTER.toMillis()); // a pause before reconnecting to a database that is down
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void listenToNew(Connection c, Set<String> listening) throws SQLException {
        for (String topic : topics.keySet()) {
            if (listening.add(topic)) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + channel(topic));
                }
                synchronized (listened) {
                    listened.add(topic);
                    listened.notifyAll();
                }
            }
        }
    }

    private void deliver(String channel, String payload) {
        int bar = payload.indexOf('|');
        if (bar < 0 || payload.substring(0, bar).equals(node)) {
            return;
        }
        deliverMessage(channel.substring(PREFIX.length()), payload.substring(bar + 1));
    }

    private void deliverMessage(String topic, String message) {
        for (Subscriber s : topics.getOrDefault(topic, List.of())) {
            safely(() -> s.onNotice().accept(message));
        }
    }

    private void resync(String topic) {
        for (Subscriber s : topics.getOrDefault(topic, List.of())) {
            safely(s.resync());
        }
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cluster notice subscriber failed", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        if (sqlite != null) {
            sqlite.close();
        }
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(POLL_MILLIS * 4L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
