package id.kanal.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two processes on one SQLite file (here two Databases, as a command-line import beside the
 * server): a notice on a topic shared across processes reaches the other, never its sender; a
 * topic that moved by several notices at once makes the subscribers resynchronise.
 */
class SqliteNoticesTest {
    private static final String TOPIC = "imports";

    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

    /** One process: its database and notices, and what its subscriber got ("resync" for a resynchronisation). */
    private record Process(Database db, ClusterNotices notices, List<String> got) {
    }

    private Process process() {
        Database db = Database.openSqlite(dir);
        List<String> got = new CopyOnWriteArrayList<>();
        ClusterNotices notices = ClusterNotices.open(db).acrossProcesses(TOPIC);
        notices.subscribe(TOPIC, got::add, () -> got.add("resync"));
        open.add(db);
        open.add(notices);
        return new Process(db, notices, got);
    }

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what);
            LockSupport.parkNanos(10_000_000);
        }
    }

    @Test
    void aNoticeReachesTheOtherProcess_neverItsSender() {
        Process server = process();
        Process cli = process();
        server.notices().publish(TOPIC, "gtfs");
        await(() -> cli.got().contains("gtfs"), "the other process heard nothing");
        cli.notices().publish(TOPIC, "prices");
        await(() -> server.got().contains("prices"), "the server heard nothing");
        assertEquals(List.of("prices"), server.got());
        assertEquals(List.of("gtfs"), cli.got());
    }

    @Test
    void severalNoticesAtOnce_theSubscriberResynchronises() {
        Process server = process();
        Database cli = Database.openSqlite(dir);
        open.add(cli);
        // Two notices committed together: the server cannot tell which messages it missed.
        cli.inTransaction(c -> {
            for (String m : List.of("prices", "gtfs")) {
                Statements.update(c, "INSERT INTO cluster_notice_versions (topic, version, node, message) VALUES (?, 1, ?, ?) "
                        + "ON CONFLICT (topic) DO UPDATE SET version = cluster_notice_versions.version + 1, "
                        + "node = excluded.node, message = excluded.message", TOPIC, "cli", m);
            }
            return null;
        });
        await(() -> server.got().contains("resync"), "no resync");
        assertEquals(List.of("resync"), server.got());
    }

    @Test
    void aTopicNotShared_staysInItsProcess() {
        Process server = process();
        Process cli = process();
        List<String> other = new CopyOnWriteArrayList<>();
        server.notices().subscribe("console_events", other::add, () -> other.add("resync"));
        cli.notices().publish("console_events", "x");
        cli.notices().publish(TOPIC, "prices");
        await(() -> server.got().contains("prices"), "the shared topic's notice did not arrive");
        assertEquals(List.of(), other);
        assertEquals(0, cli.db().read(c -> Statements.first(c, "SELECT count(*) FROM cluster_notice_versions WHERE topic = ?",
                rs -> rs.getInt(1), "console_events")).orElseThrow());
    }
}
