package id.kanal.store;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.Conversation;
import id.kanal.dialog.InboundMessage;
import id.kanal.dialog.Reply;
import id.kanal.dialog.State;
import id.kanal.dialog.StateCodec;
import id.kanal.dialog.port.Turn;
import id.kanal.store.console.ConversationSummary;
import id.kanal.store.console.SqlConversationQueue;
import id.kanal.store.console.TranscriptLine;
import id.kanal.store.testing.PostgresSchema;
import id.kanal.store.ussd.SqlUssdSessions;
import id.kanal.store.ussd.StoredUssdSession;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database written before the turn tables were reshaped (schema V56: a resident with the bot, one
 * waiting for an agent, a delivered message, its transcript, a USSD session) opens without loss:
 * a retry still gets its reply, the conversations load, the queue lists the waiting one, the next
 * turn numbers its lines after the old ones, the USSD session resumes. On SQLite the conversation and USSD
 * session tables are then {@code WITHOUT ROWID} and the queue's query reads the handed-off index; PostgreSQL
 * ({@code KANAL_TEST_PG_URL}) keeps its tables and leaves room in their
 * pages for updates in place.
 */
class TurnTablesMigrationTest {
    private static final Instant T0 = Instant.parse("2026-11-22T03:00:00Z");
    private static final Address WITH_BOT = new Address(Channel.SMS, "+6281234567890");
    private static final Address WAITING = new Address(Channel.SMS, "+6281234567891");

    @TempDir
    Path dir;

    @Test
    void sqliteDatabaseAtV56_opensWithItsRows_tablesByPrimaryKey() throws SQLException {
        String url = "jdbc:sqlite:" + dir.resolve("kanal.db").toAbsolutePath();
        writeAtV56(url);
        try (Database db = Database.openSqlite(dir)) {
            assertNothingLost(db);
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String table : List.of("conversation", "ussd_session")) {
                try (var rs = s.executeQuery("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'")) {
                    assertTrue(rs.next() && rs.getString(1).endsWith("WITHOUT ROWID"), table);
                }
            }
            try (var rs = s.executeQuery("EXPLAIN QUERY PLAN SELECT channel, address FROM conversation WHERE mode <> 'bot'")) {
                assertTrue(rs.next() && rs.getString(4).contains("conversation_handed_off"), "the queue reads its index");
            }
        }
    }

    @Test
    void postgresDatabaseAtV56_opensWithItsRows() throws SQLException {
        try (PostgresSchema schema = PostgresSchema.create()) {
            writeAtV56(schema.url());
            try (Database db = schema.open(2)) {
                assertNothingLost(db);
                assertEquals(List.of("conversation fillfactor=80", "ussd_session fillfactor=70"), db.read(c ->
                        Statements.list(c, "SELECT relname || ' ' || array_to_string(reloptions, ',', '') FROM pg_class "
                                + "WHERE relnamespace = current_schema()::regnamespace AND relname IN ('conversation', "
                                + "'ussd_session') ORDER BY relname", rs -> rs.getString(1))));
            }
        }
    }

    private static void writeAtV56(String url) throws SQLException {
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("56").load().migrate();
        long t0 = T0.toEpochMilli();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO conversation (channel, address, language, state, misunderstandings, last_activity) "
                    + "VALUES ('sms', '" + WITH_BOT.value() + "', 'id', '" + StateCodec.encode(State.MENU) + "', 0, " + t0 + ")");
            s.executeUpdate("INSERT INTO conversation VALUES ('sms', '" + WAITING.value() + "', 'id', '"
                    + StateCodec.encode(new State.Queued("asked", T0)) + "', 0, " + t0 + ", 'queued', NULL, " + t0
                    + ", 'asked')");
            s.executeUpdate("INSERT INTO inbound_message VALUES ('sms', 'SM-old', '" + WITH_BOT.value() + "', " + t0
                    + ", 'menu lama', 0)");
            s.executeUpdate("INSERT INTO transcript VALUES ('sms', '" + WITH_BOT.value() + "', 1, " + t0
                    + ", 'in', 'resident', 'halo'), ('sms', '" + WITH_BOT.value() + "', 2, " + t0
                    + ", 'out', 'bot', 'menu lama')");
            s.executeUpdate("INSERT INTO ussd_session VALUES ('AT-old', '+6281234567890', '1', 'Harga?', 0, 0, 0, " + t0 + ")");
        }
    }

    private static void assertNothingLost(Database db) {
        SqlConversationStore store = new SqlConversationStore(db);
        assertEquals("menu lama", store.replyTo(WITH_BOT, "SM-old").orElseThrow().text());
        assertEquals(State.MENU, store.load(WITH_BOT).orElseThrow().state());
        assertEquals(new State.Queued("asked", T0), store.load(WAITING).orElseThrow().state());

        SqlConversationQueue queue = new SqlConversationQueue(db, Clock.fixed(T0, ZoneOffset.UTC));
        assertEquals(List.of(WAITING.value()), queue.queue().stream().map(ConversationSummary::address).toList());
        assertEquals(List.of(WAITING), queue.handedOff());

        Instant later = T0.plusSeconds(60);
        store.save(new Turn(InboundMessage.text("SM-new", WITH_BOT, "harga", later),
                Conversation.start(WITH_BOT, later), Reply.of("harga beras")));
        assertEquals(List.of("1 halo", "2 menu lama", "3 harga", "4 harga beras"), queue.transcript(WITH_BOT).stream()
                .map(l -> l.seq() + " " + l.body()).toList());
        assertEquals("harga beras", store.replyTo(WITH_BOT, "SM-new").orElseThrow().text());

        SqlUssdSessions sessions = new SqlUssdSessions(db);
        StoredUssdSession old = sessions.find("AT-old").orElseThrow();
        assertEquals("Harga?", old.screen());
        assertEquals(old, sessions.latestFor("+6281234567890", "AT-new").orElseThrow());
    }
}
