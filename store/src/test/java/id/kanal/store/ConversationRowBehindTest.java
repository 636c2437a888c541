package id.kanal.store;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.Conversation;
import id.kanal.dialog.InboundMessage;
import id.kanal.dialog.Language;
import id.kanal.dialog.Reply;
import id.kanal.dialog.State;
import id.kanal.dialog.port.Turn;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SQLite writes a bot-mode conversation's row behind its turns: the row keeps its older state until a
 * flush, while every load (another store, a restart after a crash) reads the newest turn's state from
 * its line; a resident's first turn, a change of handoff or language and a change outside a turn
 * write the row in their own commit, and a flush never takes a row back to an older state.
 */
class ConversationRowBehindTest {
    private static final Instant T0 = Instant.parse("2026-12-05T03:00:00Z");
    private static final Duration NOT_BY_ITSELF = Duration.ofHours(1);
    private final Address resident = new Address(Channel.SMS, "+6281234567890");

    @TempDir
    Path dir;

    @Test
    void aBotModeTurn_leavesTheRowBehindUntilTheFlush_whileEveryLoadSeesTheTurn() {
        Conversation asking = at(10).with(new State.AskingCommodity(Optional.of("Pasar Anyar")));
        asking = new Conversation(resident, asking.language(), asking.state(), 1, asking.lastActivity());
        try (Database db = Database.openSqlite(dir)) {
            SqlConversationStore store = new SqlConversationStore(db, 100, NOT_BY_ITSELF);
            store.save(turn("SM1", at(0), Reply.of("menu")));
            assertEquals("menu 0 1", row(db), "a resident's first turn writes the row");

            store.save(turn("SM2", asking, Reply.of("Pasar mana?")));
            assertEquals("menu 0 1", row(db), "the row is behind");
            assertEquals(Optional.of(asking), new SqlConversationStore(db).load(resident), "another store reads the line");
            // No flush: the process dies here.
        }
        try (Database db = Database.openSqlite(dir)) {
            SqlConversationStore store = new SqlConversationStore(db, 100, NOT_BY_ITSELF);
            assertEquals(Optional.of(asking), store.load(resident), "after a restart");
            Conversation menu = at(20);
            store.save(turn("SM3", menu, Reply.of("menu")));
            store.flushRows();
            assertEquals("menu 0 5", row(db), "the flush wrote the newest turn");
            assertEquals(Optional.of(menu), new SqlConversationStore(db).load(resident));
        }
    }

    @Test
    void aTurnThatChangesTheHandoffOrTheLanguage_writesTheRowInItsCommit() {
        try (Database db = Database.openSqlite(dir)) {
            SqlConversationStore store = new SqlConversationStore(db, 100, NOT_BY_ITSELF);
            store.save(turn("SM1", at(0), Reply.of("menu")));
            store.save(turn("SM2", at(5).with(new State.Queued("asked", at(5).lastActivity())), Reply.of("antre")));
            assertEquals("queued asked", handoff(db), "the console's queue sees it at once");
            assertEquals("queued 0 3", row(db));
            store.save(turn("SM3", at(9).with(new State.Queued("asked", at(5).lastActivity())), Reply.silent()));
            assertEquals("queued 0 5", row(db), "a queued conversation's turns too");

            store.save(turn("SM4", at(12).with(Language.EN), Reply.of("menu")));
            assertEquals("menu 0 6", row(db));
            assertEquals("en", db.read(c -> Statements.first(c, "SELECT language FROM conversation", rs -> rs.getString(1)))
                    .orElseThrow());
        }
    }

    @Test
    void aChangeOutsideATurn_isNotUndoneByTheFlushOfAnEarlierTurn() {
        try (Database db = Database.openSqlite(dir)) {
            SqlConversationStore turns = new SqlConversationStore(db, 100, NOT_BY_ITSELF);
            turns.save(turn("SM1", at(0), Reply.of("menu")));
            turns.save(turn("SM2", at(5).with(new State.AskingCommodity(Optional.empty())), Reply.of("apa?")));
            // An agent takes the conversation on another path (a second store: the first still holds the turn behind).
            Conversation taken = at(7).with(new State.WithAgent("budi", at(7).lastActivity()));
            new SqlConversationStore(db, 100, NOT_BY_ITSELF).saveState(taken);
            assertEquals("with-agent 0 4", row(db), "the row includes every line so far");

            turns.flushRows();
            assertEquals("with-agent 0 4", row(db), "the older turn did not overwrite the agent's state");
            assertEquals(Optional.of(taken), new SqlConversationStore(db).load(resident));
        }
    }

    @Test
    void closingTheStore_writesTheRowsBehind_andARowBehindIsWrittenByItselfSoon() {
        Address other = new Address(Channel.SMS, "+6281234567891");
        try (Database db = Database.openSqlite(dir)) {
            SqlConversationStore store = new SqlConversationStore(db, 100, NOT_BY_ITSELF);
            store.save(turn("SM1", at(0), Reply.of("menu")));
            store.save(turn("SM2", at(5).with(new State.ChoosingLanguage()), Reply.of("bahasa?")));
            store.close();
            assertEquals("choosing-language 0 3", row(db));

            SqlConversationStore soon = new SqlConversationStore(db, 100, Duration.ofMillis(1));
            Conversation first = Conversation.start(other, T0);
            soon.save(new Turn(InboundMessage.text("SM7", other, "halo", T0), first, Reply.of("menu")));
            soon.save(new Turn(InboundMessage.text("SM8", other, "harga", T0.plusSeconds(3)),
                    new Conversation(other, Language.ID, new State.AskingCommodity(Optional.empty()), 0,
                            T0.plusSeconds(3)), Reply.of("apa?")));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!lineSeq(db, other).equals(Optional.of(3L)) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(Optional.of(3L), lineSeq(db, other), "the flush after the turn wrote the row");
        }
    }

    @Test
    void aStoreCacheThatLostTheConversation_writesTheRowInTheTurnsCommit() {
        try (Database db = Database.openSqlite(dir)) {
            SqlConversationStore store = new SqlConversationStore(db, 100, NOT_BY_ITSELF);
            store.save(turn("SM1", at(0), Reply.of("menu")));
            store.invalidate(resident);
            store.save(turn("SM2", at(5).with(new State.ChoosingPack()), Reply.of("paket?")));
            assertTrue(row(db).startsWith("choosing-pack"), "no cached conversation: the row is written at once");
        }
    }

    @Test
    void anUpgradedDatabase_marksEveryRowAsIncludingItsTranscript() throws SQLException {
        String url = "jdbc:sqlite:" + dir.resolve("kanal.db").toAbsolutePath();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("63").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("INSERT INTO conversation (channel, address, language, state, misunderstandings, last_activity) "
                    + "VALUES ('sms', '+6281234567890', 'id', 'type=choosing-language', 0, " + T0.toEpochMilli() + ")");
            for (int seq = 1; seq <= 7; seq++) {
                s.execute("INSERT INTO transcript (channel, address, seq, at, direction, author, body) VALUES "
                        + "('sms', '+6281234567890', " + seq + ", " + T0.toEpochMilli() + ", 'in', 'resident', 'halo')");
            }
        }
        try (Database db = Database.openSqlite(dir)) {
            assertEquals("choosing-language 0 7", row(db));
            assertEquals(new State.ChoosingLanguage(), new SqlConversationStore(db).load(resident).orElseThrow().state());
        }
    }

    private Conversation at(int seconds) {
        return new Conversation(resident, Language.ID, new State.Menu(), 0, T0.plusSeconds(seconds));
    }

    private Turn turn(String id, Conversation after, Reply reply) {
        return new Turn(InboundMessage.text(id, resident, "pesan " + id, after.lastActivity()), after, reply);
    }

    /** The row's state type, misunderstandings and line_seq. */
    private String row(Database db) {
        return db.read(c -> Statements.first(c, "SELECT state, misunderstandings, line_seq FROM conversation "
                        + "WHERE channel = ? AND address = ?",
                rs -> id.kanal.dialog.StateCodec.typeOf(id.kanal.dialog.StateCodec.decode(rs.getString(1))) + " "
                        + rs.getInt(2) + " " + rs.getLong(3), resident.channel().id(), resident.value())).orElseThrow();
    }

    private String handoff(Database db) {
        return db.read(c -> Statements.first(c, "SELECT mode, queue_reason FROM conversation",
                rs -> rs.getString(1) + " " + rs.getString(2))).orElseThrow();
    }

    private static Optional<Long> lineSeq(Database db, Address who) {
        return db.read(c -> Statements.first(c, "SELECT line_seq FROM conversation WHERE channel = ? AND address = ?",
                rs -> rs.getLong(1), who.channel().id(), who.value()));
    }
}
