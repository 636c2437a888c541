package id.kanal.store;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.port.OutboundMessage;
import id.kanal.dialog.port.OutboxItem;
import id.kanal.store.testing.PostgresSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The store on PostgreSQL ({@code KANAL_TEST_PG_URL}; skipped without it): the migrations build
 * the same schema as on SQLite, a second start applies nothing, and the outbox's claim holds
 * with concurrent claimers, which PostgreSQL (unlike SQLite) really runs at once.
 */
class PostgresDatabaseTest {
    @TempDir
    Path dir;
    private PostgresSchema schema;

    @BeforeEach
    void createSchema() {
        schema = PostgresSchema.create();
    }

    @AfterEach
    void dropSchema() {
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void open_emptySchema_buildsTheSameTablesColumnsAndIndexesAsSqlite() {
        Map<String, Set<String>> sqliteColumns;
        Set<String> sqliteIndexes;
        try (Database sqlite = Database.openSqlite(dir)) {
            sqliteColumns = sqlite.read(c -> columns(c, null));
            List<String> names = sqlite.read(c -> strings(c,
                    "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex%' "
                            + "AND name NOT LIKE 'flyway%'"));
            sqliteIndexes = new TreeSet<>(names);
        }
        try (Database pg = schema.open(2)) {
            assertEquals(Dialect.POSTGRESQL, pg.dialect());
            assertTrue(pg.ping());
            SQLITE_ONLY_COLUMNS.forEach((table, only) -> sqliteColumns.get(table).removeAll(only));
            assertEquals(sqliteColumns, pg.read(c -> columns(c, schema.name())));
            // PostgreSQL names the indexes behind primary keys and UNIQUE columns itself (..._pkey, ..._key).
            List<String> names = pg.read(c -> strings(c,
                    "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() "
                            + "AND indexname NOT LIKE '%\\_pkey' AND indexname NOT LIKE '%\\_key' "
                            + "AND indexname NOT LIKE 'flyway%'"));
            Set<String> expected = new TreeSet<>(sqliteIndexes);
            expected.addAll(POSTGRES_ONLY_INDEXES);
            assertEquals(expected, new TreeSet<>(names));
        }
    }

    /**
     * Indexes only PostgreSQL has: the message lines by provider id (V63), for the duplicate look-up
     * that PostgreSQL runs on every turn; SQLite answers nearly every message from its Bloom filter and
     * reads the resident's own lines otherwise, so there the index would only cost a random leaf a turn.
     */
    private static final Set<String> POSTGRES_ONLY_INDEXES = Set.of("transcript_message");

    /**
     * Columns only SQLite has: a resident's transcript is a chain there (V67: each line's {@code id} and
     * {@code prev}, the conversation's newest {@code last_line}), where PostgreSQL keys the lines by resident.
     */
    private static final Map<String, Set<String>> SQLITE_ONLY_COLUMNS = Map.of("transcript", Set.of("id", "prev"),
            "conversation", Set.of("last_line"));

    @Test
    void open_twice_appliesNothingTheSecondTimeAndKeepsRows() {
        List<String> first;
        try (Database db = schema.open(1)) {
            db.inTransaction(c -> c.createStatement().executeUpdate(
                    "INSERT INTO agency (code, name) VALUES ('pupr', 'Dinas PUPR')"));
            // A Java migration (V57) has no checksum.
            first = db.read(c -> strings(c, "SELECT version || ':' || COALESCE(checksum, 0) || ':' || success "
                    + "FROM flyway_schema_history ORDER BY installed_rank"));
        }
        assertTrue(first.size() >= 9, first.toString());
        assertTrue(first.stream().allMatch(r -> r.endsWith(":true")), first.toString());
        try (Database db = schema.open(1)) {
            assertEquals(first, db.read(c -> strings(c, "SELECT version || ':' || COALESCE(checksum, 0) || ':' || success "
                    + "FROM flyway_schema_history ORDER BY installed_rank")));
            assertEquals(List.of("Dinas PUPR"), db.read(c -> strings(c, "SELECT name FROM agency")));
        }
    }

    @Test
    void inTransaction_whenWorkThrows_rollsBackAndTheConnectionStaysUsable() {
        try (Database db = schema.open(1)) {
            assertThrows(IllegalStateException.class, () -> db.inTransaction(c -> {
                c.createStatement().executeUpdate("INSERT INTO agency (code, name) VALUES ('x', 'X')");
                throw new IllegalStateException("boom");
            }));
            // A failed statement aborts a PostgreSQL transaction; the next one on the same connection must work.
            assertThrows(DatabaseException.class, () -> db.inTransaction(c -> c.createStatement().executeUpdate(
                    "INSERT INTO no_such_table VALUES (1)")));
            db.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO agency (code, name) VALUES ('y', 'Y')"));
            assertEquals(List.of("y"), db.read(c -> strings(c, "SELECT code FROM agency")));
        }
    }

    @Test
    void claimDue_concurrentClaimers_neverGetTheSameRow() throws Exception {
        Instant now = Instant.parse("2026-11-22T03:00:00Z");
        try (Database db = schema.open(4)) {
            db.inTransaction(c -> {
                for (int i = 0; i < 40; i++) {
                    Outbox.enqueue(c, new OutboundMessage(new Address(Channel.SMS, "+62812000000" + (i % 10)),
                            "pesan " + i, "reply", 0, Optional.empty()), now);
                }
                return null;
            });
            SqlOutboxQueue queue = new SqlOutboxQueue(db);
            int claimers = 4;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(claimers);
            try {
                List<Future<List<OutboxItem>>> results = new ArrayList<>();
                for (int i = 0; i < claimers; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        List<OutboxItem> mine = new ArrayList<>();
                        List<OutboxItem> batch;
                        while (!(batch = queue.claimDue(Set.of(Channel.SMS), now, Duration.ofMinutes(1), 5)).isEmpty()) {
                            mine.addAll(batch);
                        }
                        return mine;
                    }));
                }
                start.countDown();
                Set<String> ids = new HashSet<>();
                int total = 0;
                for (Future<List<OutboxItem>> f : results) {
                    for (OutboxItem item : f.get()) {
                        total++;
                        ids.add(item.id());
                    }
                }
                assertEquals(40, total, "every row claimed once");
                assertEquals(40, ids.size(), "no row claimed twice");
            } finally {
                pool.shutdownNow();
            }
            OutboxItem any = queue.claimDue(Set.of(Channel.SMS), now.plus(Duration.ofMinutes(2)), Duration.ofMinutes(1), 1)
                    .getFirst();
            assertTrue(queue.markSent(any, "SM1", "sms", now));
            assertEquals(Optional.of(any.message().to()), queue.recordDelivery("SM1", "delivered", Optional.empty(), now));
            assertFalse(queue.markSent(any, "SM1", "sms", now), "a row is sent once");
            assertEquals("SENT", queue.row(any.id()).orElseThrow().get("status"));
        }
    }

    @Test
    void appendLine_concurrentWritersForOneResident_everyLineGetsItsOwnSequenceNumber() throws Exception {
        // An agent's reply and the resident's own turn write the same transcript at once: SQLite
        // runs them one after the other, PostgreSQL really at the same time.
        Address resident = new Address(Channel.SMS, "+6281234567890");
        Instant now = Instant.parse("2026-11-22T03:00:00Z");
        try (Database db = schema.open(4)) {
            new SqlConversationStore(db).saveState(id.kanal.dialog.Conversation.start(resident, now));
            int writers = 4;
            int lines = 10;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    String author = "agent:" + w;
                    done.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < lines; i++) {
                            db.inTransaction(c -> SqlConversationStore.appendLine(c, db, resident, now, "note", author, "n"));
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(List.of(String.valueOf(writers * lines), "1", String.valueOf(writers * lines)),
                    db.read(c -> strings(c, "SELECT COUNT(*) FROM transcript UNION ALL SELECT MIN(seq) FROM transcript "
                            + "UNION ALL SELECT MAX(seq) FROM transcript")));
        }
    }

    @Test
    void connectionsTheServerDropped_areReplaced() throws Exception {
        // A PostgreSQL restart (or an idle timeout on the way) ends the pool's sessions: at most
        // the use that meets a dead connection fails, and from then on every one works again.
        String app = schema.name();
        try (Database db = Database.open(schema.url() + "&ApplicationName=" + app, 2)) {
            assertTrue(db.ping());
            assertEquals(List.of("2"), terminate(app), "both pooled sessions ended");
            for (int i = 0; i < 2; i++) {
                db.ping(); // each dead connection may fail once
            }
            for (int i = 0; i < 4; i++) {
                assertEquals(List.of("1"), db.read(c -> strings(c, "SELECT 1")));
            }
            db.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO agency (code, name) VALUES ('a', 'A')"));
            assertTrue(db.ping());
        }
    }

    @Test
    void close_whileATransactionRuns_waitsForItToCommit() throws Exception {
        DatabaseTest.closeWaitsForTheRunningTransaction(schema.open(2), () -> schema.open(1));
    }

    /** Ends the sessions of an application name, waiting (up to 5 s each) until they are gone; how many. */
    private List<String> terminate(String applicationName) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection(schema.url())) {
            List<Integer> pids = new ArrayList<>();
            try (var ps = c.prepareStatement("SELECT pid FROM pg_stat_activity WHERE application_name = ?")) {
                ps.setString(1, applicationName);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        pids.add(rs.getInt(1));
                    }
                }
            }
            int ended = 0;
            try (var ps = c.prepareStatement("SELECT pg_terminate_backend(?, 5000)")) {
                for (int pid : pids) {
                    ps.setInt(1, pid);
                    try (ResultSet rs = ps.executeQuery()) {
                        ended += rs.next() && rs.getBoolean(1) ? 1 : 0;
                    }
                }
            }
            return List.of(String.valueOf(ended));
        }
    }

    /** Table name to its column names, lower case, without Flyway's history table and SQLite's own. */
    private static Map<String, Set<String>> columns(Connection c, String schemaName) throws SQLException {
        Map<String, Set<String>> out = new TreeMap<>();
        try (ResultSet rs = c.getMetaData().getColumns(null, schemaName, "%", "%")) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!table.equals("flyway_schema_history") && !table.startsWith("sqlite_")) {
                    out.computeIfAbsent(table, t -> new TreeSet<>()).add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
