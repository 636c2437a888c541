package id.kanal.store;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.Conversation;
import id.kanal.dialog.InboundMessage;
import id.kanal.dialog.Reply;
import id.kanal.dialog.port.Turn;
import id.kanal.store.testing.PostgresSchema;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A database whose turns wrote their messages to {@code inbound_message} (schema V62) answers the
 * retries of those messages after V63 moved the record onto the messages' transcript lines: an
 * answered message, a silent one (followed by a line of the bot's that an agent's hand-back wrote),
 * one whose reply ended the USSD session, and two messages of one resident in the same millisecond,
 * each with its own reply. The old table is gone; the next turn is recorded the new way. On SQLite
 * (whose Bloom filter of provider ids is read from the lines at start) and on PostgreSQL
 * ({@code KANAL_TEST_PG_URL}).
 */
class MessageRecordMigrationTest {
    private static final Instant T0 = Instant.parse("2026-12-01T03:00:00Z");
    private static final Address SMS = new Address(Channel.SMS, "+6281234567890");
    private static final Address AGENTS = new Address(Channel.SMS, "+6281234567891");
    private static final Address USSD = new Address(Channel.USSD, "+6281234567892");

    @TempDir
    Path dir;

    @Test
    void sqliteDatabaseAtV62_answersItsRetriesAfterTheUpgrade() throws SQLException {
        writeAtV62("jdbc:sqlite:" + dir.resolve("kanal.db").toAbsolutePath());
        try (Database db = Database.openSqlite(dir)) {
            assertRetriesAnswered(db);
        }
        try (Database db = Database.openSqlite(dir)) {
            assertEquals(Optional.of(Reply.of("harga 2")), new SqlConversationStore(db).replyTo(SMS, "SM-after"),
                    "after a restart too");
        }
    }

    @Test
    void postgresDatabaseAtV62_answersItsRetriesAfterTheUpgrade() throws SQLException {
        try (PostgresSchema schema = PostgresSchema.create()) {
            writeAtV62(schema.url());
            try (Database db = schema.open(2)) {
                assertRetriesAnswered(db);
            }
        }
    }

    /** Rows as the turns before V63 wrote them: the conversation's, the message's, its line and the reply's line. */
    private static void writeAtV62(String url) throws SQLException {
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("62").load().migrate();
        try (Connection c = DriverManager.getConnection(url)) {
            turn(c, SMS, 1, "SM-menu", 0, "halo", "menu", false);
            turn(c, SMS, 3, "SM-first", 10, "1", "harga 1", false);
            turn(c, SMS, 5, "SM-second", 10, "2", "harga 2", false); // the same millisecond
            turn(c, SMS, 7, "SM-again-a", 20, "3", "sama", false);
            turn(c, SMS, 9, "SM-again-b", 20, "3", "sama", false);
            turn(c, AGENTS, 1, "SM-agent", 0, "petugas", "menunggu petugas", false);
            turn(c, AGENTS, 3, "SM-silent", 30, "terima kasih", "", false);
            line(c, AGENTS, 4, 40, "out", "bot", "menu"); // handed back to the bot
            turn(c, USSD, 1, "AT-1:0", 0, "", "Menu", false);
            turn(c, USSD, 3, "AT-1:1", 5, "9", "Sampai jumpa", true);
        }
    }

    private static void turn(Connection c, Address who, long seq, String id, long second, String text, String reply,
                             boolean ends) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO conversation (channel, address, language, state, "
                + "misunderstandings, last_activity) VALUES (?, ?, 'id', 'idle', 0, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, who.channel().id());
            ps.setString(2, who.value());
            ps.setLong(3, at(second));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO inbound_message "
                + "(channel, provider_id, address, received_at, reply, reply_end) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, who.channel().id());
            ps.setString(2, id);
            ps.setString(3, who.value());
            ps.setLong(4, at(second));
            ps.setString(5, reply);
            ps.setInt(6, ends ? 1 : 0);
            ps.executeUpdate();
        }
        line(c, who, seq, second, "in", "resident", text);
        if (!reply.isEmpty()) {
            line(c, who, seq + 1, second, "out", "bot", reply);
        }
    }

    private static void line(Connection c, Address who, long seq, long second, String direction, String author,
                             String body) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO transcript "
                + "(channel, address, seq, at, direction, author, body) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, who.channel().id());
            ps.setString(2, who.value());
            ps.setLong(3, seq);
            ps.setLong(4, at(second));
            ps.setString(5, direction);
            ps.setString(6, author);
            ps.setString(7, body);
            ps.executeUpdate();
        }
    }

    private static long at(long second) {
        return T0.plusSeconds(second).toEpochMilli();
    }

    private static void assertRetriesAnswered(Database db) {
        SqlConversationStore store = new SqlConversationStore(db);
        assertEquals(Optional.of(Reply.of("menu")), store.replyTo(SMS, "SM-menu"));
        assertEquals(Optional.of(Reply.of("harga 1")), store.replyTo(SMS, "SM-first"));
        assertEquals(Optional.of(Reply.of("harga 2")), store.replyTo(SMS, "SM-second"));
        assertEquals(Optional.of(Reply.of("sama")), store.replyTo(SMS, "SM-again-a"));
        assertEquals(Optional.of(Reply.of("sama")), store.replyTo(SMS, "SM-again-b"));
        assertEquals(Optional.of(Reply.of("menunggu petugas")), store.replyTo(AGENTS, "SM-agent"));
        assertEquals(Optional.of(Reply.silent()), store.replyTo(AGENTS, "SM-silent"));
        assertEquals(Optional.of(Reply.of("Menu")), store.replyTo(USSD, "AT-1:0"));
        assertEquals(Optional.of(new Reply("Sampai jumpa", List.of(), true)), store.replyTo(USSD, "AT-1:1"));
        assertEquals(Optional.empty(), store.replyTo(SMS, "SM-new"));
        assertEquals(List.of(), db.read(c -> Statements.list(c, "SELECT seq FROM transcript WHERE direction = 'in' "
                + "AND provider_id IS NULL", rs -> rs.getLong(1))), "every message line has its id");
        assertEquals(List.of(0L), db.read(c -> Statements.list(c, "SELECT COUNT(*) FROM transcript WHERE provider_id IS NOT NULL "
                + "AND direction <> 'in'", rs -> rs.getLong(1))), "only message lines carry an id");
        assertEquals(List.of(), db.read(c -> Statements.list(c, tables(db), rs -> rs.getString(1))), "the old table is gone");

        Instant later = T0.plusSeconds(60);
        store.save(new Turn(InboundMessage.text("SM-after", SMS, "2", later), Conversation.start(SMS, later),
                Reply.of("harga 2")));
        assertEquals(Optional.of(Reply.of("harga 2")), store.replyTo(SMS, "SM-after"));
        assertEquals(List.of(11L), db.read(c -> Statements.list(c, "SELECT seq FROM transcript WHERE provider_id = 'SM-after'",
                rs -> rs.getLong(1))), "numbered after the old lines");
    }

    private static String tables(Database db) {
        return db.dialect() == Dialect.SQLITE
                ? "SELECT name FROM sqlite_master WHERE name = 'inbound_message'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                + "AND table_name = 'inbound_message'";
    }
}
