package id.kanal.store;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.Conversation;
import id.kanal.dialog.InboundMessage;
import id.kanal.dialog.Language;
import id.kanal.dialog.Reply;
import id.kanal.dialog.State;
import id.kanal.dialog.StateCodec;
import id.kanal.dialog.port.Turn;
import id.kanal.store.console.SqlConversationQueue;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A SQLite database written before the transcript became a chain (schema V66: lines keyed by resident, a
 * bot-mode conversation's row behind its newest turn, whose message line carries the state) opens without
 * loss: the row behind catches up, two residents' interleaved lines become two chains, retries get their
 * replies, the console lists each transcript whole, and the next turn and an agent's line follow the newest.
 */
class TranscriptChainMigrationTest {
    private static final Instant T0 = Instant.parse("2026-12-05T03:00:00Z");
    private static final Address BEHIND = new Address(Channel.SMS, "+6281234567890");
    private static final Address OTHER = new Address(Channel.SMS, "+6281234567891");

    @TempDir
    Path dir;

    @Test
    void sqliteDatabaseAtV66_opensWithEveryLineInItsResidentsChain() throws SQLException {
        String url = "jdbc:sqlite:" + dir.resolve("kanal.db").toAbsolutePath();
        writeAtV66(url);
        try (Database db = Database.openSqlite(dir)) {
            SqlConversationStore store = new SqlConversationStore(db);
            Conversation behind = store.load(BEHIND).orElseThrow();
            assertEquals(new State.AskingCommodity(java.util.Optional.empty()), behind.state(), "the state of the newest turn, not the row's");
            assertEquals(2, behind.misunderstandings());
            assertEquals(T0.plusSeconds(20), behind.lastActivity());
            assertEquals(State.MENU, store.load(OTHER).orElseThrow().state(), "a row that was not behind");

            assertEquals(Reply.of("menu"), store.replyTo(BEHIND, "SM1").orElseThrow());
            assertEquals(Reply.of("harga apa?"), store.replyTo(BEHIND, "SM3").orElseThrow());
            assertEquals(Reply.silent(), store.replyTo(OTHER, "SMo2").orElseThrow());
            assertEquals(Reply.of("menu lain"), store.replyTo(OTHER, "SMo1").orElseThrow());

            SqlConversationQueue queue = new SqlConversationQueue(db, Clock.fixed(T0, ZoneOffset.UTC));
            assertEquals(List.of("1 halo", "2 menu", "3 harga", "4 harga apa?"), bodies(queue, BEHIND));
            assertEquals(List.of("1 hai", "2 menu lain", "3 stop"), bodies(queue, OTHER));

            Instant later = T0.plusSeconds(60);
            store.save(new Turn(InboundMessage.text("SM5", BEHIND, "beras", later), behind,
                    Reply.of("beras Rp 14.000")));
            db.inTransaction(c -> SqlConversationStore.appendLine(c, db, OTHER, later, "note", "agent:budi",
                    "dicatat"));
            assertEquals(List.of("1 halo", "2 menu", "3 harga", "4 harga apa?", "5 beras", "6 beras Rp 14.000"),
                    bodies(queue, BEHIND));
            assertEquals(List.of("1 hai", "2 menu lain", "3 stop", "4 dicatat"), bodies(queue, OTHER));
            assertEquals(Reply.of("beras Rp 14.000"), store.replyTo(BEHIND, "SM5").orElseThrow());
            assertFalse(db.read(c -> Statements.first(c, "SELECT 1 FROM sqlite_master WHERE tbl_name = 'transcript' "
                    + "AND type = 'index' AND sql IS NULL", rs -> true)).isPresent(), "no index by resident any more");
        }
    }

    /** As V66's store wrote them: lines of two residents in turn order, one row behind its newest turn. */
    private static void writeAtV66(String url) throws SQLException {
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("66").load().migrate();
        try (Connection c = DriverManager.getConnection(url)) {
            conversation(c, BEHIND, State.MENU, 0, 0, 2);
            conversation(c, OTHER, State.MENU, 0, 0, 3);
            line(c, BEHIND, 1, "in", "resident", "halo", "SM1", Transcript.REPLY_LINE, State.MENU, 0);
            line(c, BEHIND, 2, "out", "bot", "menu", null, null, null, 0);
            line(c, OTHER, 1, "in", "resident", "hai", "SMo1", Transcript.REPLY_LINE, State.MENU, 0);
            line(c, OTHER, 2, "out", "bot", "menu lain", null, null, null, 0);
            line(c, BEHIND, 3, "in", "resident", "harga", "SM3", Transcript.REPLY_LINE, new State.AskingCommodity(java.util.Optional.empty()), 20);
            line(c, OTHER, 3, "in", "resident", "stop", "SMo2", 0, State.MENU, 0);
            line(c, BEHIND, 4, "out", "bot", "harga apa?", null, null, null, 20);
        }
    }

    private static void conversation(Connection c, Address who, State state, int misunderstandings, long second,
                                     long lineSeq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO conversation (channel, address, language, state, "
                + "misunderstandings, last_activity, line_seq) VALUES (?, ?, 'id', ?, ?, ?, ?)")) {
            ps.setString(1, who.channel().id());
            ps.setString(2, who.value());
            ps.setString(3, StateCodec.encode(state));
            ps.setInt(4, misunderstandings);
            ps.setLong(5, T0.plusSeconds(second).toEpochMilli());
            ps.setLong(6, lineSeq);
            ps.executeUpdate();
        }
    }

    private static void line(Connection c, Address who, long seq, String direction, String author, String body,
                             String providerId, Integer replyKind, State state, long second) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO transcript (channel, address, seq, at, direction, "
                + "author, body, provider_id, reply_kind, state, misunderstandings, last_activity) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            long at = T0.plusSeconds(second).toEpochMilli();
            ps.setString(1, who.channel().id());
            ps.setString(2, who.value());
            ps.setLong(3, seq);
            ps.setLong(4, at);
            ps.setString(5, direction);
            ps.setString(6, author);
            ps.setString(7, body);
            ps.setString(8, providerId);
            ps.setObject(9, replyKind);
            ps.setString(10, state == null ? null : StateCodec.encode(state));
            ps.setObject(11, state == null ? null : 2);
            ps.setObject(12, state == null ? null : at);
            ps.executeUpdate();
        }
    }

    private static List<String> bodies(SqlConversationQueue queue, Address who) {
        return queue.transcript(who).stream().map(l -> l.seq() + " " + l.body()).toList();
    }
}
