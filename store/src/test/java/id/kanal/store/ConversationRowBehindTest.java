package id.kanal.store;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.Conversation;
import id.kanal.dialog.InboundMessage;
import id.kanal.dialog.Language;
import id.kanal.dialog.Reply;
import id.kanal.dialog.State;
import id.kanal.dialog.port.Turn;
import id.kanal.store.console.SqlConversationQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SQLite writes a bot-mode conversation's row behind its turns: the row keeps its older state and newest line
 * until a flush, while this process's readers walk the transcript from the newest line it knows, and another
 * process (or a restart after a crash) folds the lines after the mark into their rows before it reads; a
 * resident's first turn, a change of handoff or language and a change outside a turn write the row in their own
 * commit, and a flush never takes a row back.
 */
class ConversationRowBehindTest {
    private static final Instant T0 = Instant.parse("2026-12-05T03:00:00Z");
    private static final Duration NOT_BY_ITSELF = Duration.ofHours(1);
    private final Address resident = new Address(Channel.SMS, "+6281234567890");

    @TempDir
    Path dir;

    @Test
    void aBotModeTurn_leavesTheRowBehind_whileReadersHereAndAnotherProcessSeeTheTurn() {
        Conversation asking = at(10).with(new State.AskingCommodity(Optional.of("Pasar Anyar")));
        asking = new Conversation(resident, asking.language(), asking.state(), 1, asking.lastActivity());
        try (Database db = Database.openSqlite(dir)) {
            SqlConversationStore store = new SqlConversationStore(db, 100, NOT_BY_ITSELF);
            store.save(turn("SM1", at(0), Reply.of("menu")));
            assertEquals("menu 0 2", row(db), "a resident's first turn writes the row");

            store.save(turn("SM2", asking, Reply.of("Pasar mana?")));
            assertEquals("menu 0 2", row(db), "the row is behind");
            assertEquals(List.of("pesan SM1", "menu", "pesan SM2", "Pasar mana?"), transcript(db), "this process reads it all");
            assertEquals(Optional.of(Reply.of("Pasar mana?")), new SqlConversationStore(db).replyTo(resident, "SM2"));

            // Another process (or this one after a crash, the rows behind lost) opens the same file.
            try (Database other = Database.openSqlite(dir)) {
                assertEquals(Optional.of(asking), new SqlConversationStore(other).load(resident), "from the lines");
                assertEquals("asking-commodity 1 4", row(other));
                assertEquals(List.of("pesan SM1", "menu", "pesan SM2", "Pasar mana?"), transcript(other));
            }

            Conversation menu = at(20);
            store.save(turn("SM3", menu, Reply.of("menu")));
            store.flushRows();
            assertEquals("menu 0 6", row(db), "the flush wrote the newest turn");
            assertEquals(6L, mark(db), "every line is in its row's chain");
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
            assertEquals("queued 0 4", row(db));
            store.save(turn("SM3", at(9).with(new State.Queued("asked", at(5).lastActivity())), Reply.silent()));
            assertEquals("queued 0 5", row(db), "a queued conversation's turns too");

            store.save(turn("SM4", at(12).with(Language.EN), Reply.of("menu")));
            assertEquals("menu 0 7", row(db));
            assertEquals("en", db.read(c -> Statements.first(c, "SELECT language FROM conversation", rs -> rs.getString(1)))
                    .orElseThrow());
        }
    }

    @Test
    void aChangeOutsideATurn_namesTheNewestLine_andIsNotUndoneByTheFlushOfAnEarlierTurn() {
        try (Database db = Database.openSqlite(dir)) {
            SqlConversationStore turns = new SqlConversationStore(db, 100, NOT_BY_ITSELF);
            turns.save(turn("SM1", at(0), Reply.of("menu")));
            turns.save(turn("SM2", at(5).with(new State.AskingCommodity(Optional.empty())), Reply.of("apa?")));
            // An agent takes the conversation on another path (a second store: the first still holds the turn behind).
            Conversation taken = at(7).with(new State.WithAgent("budi", at(7).lastActivity()));
            new SqlConversationStore(db, 100, NOT_BY_ITSELF).saveState(taken);
            assertEquals("with-agent 0 4", row(db), "the row names every line so far");

            turns.flushRows();
            assertEquals("with-agent 0 4", row(db), "the older turn did not overwrite the agent's state");
            assertEquals(Optional.of(taken), new SqlConversationStore(db).load(resident));
        }
    }

    @Test
    void anAgentsNoteOnAConversationWithTheBot_writesTheRowBehindFirst() {
        Conversation asking = at(5).with(new State.AskingCommodity(Optional.empty()));
        try (Database db = Database.openSqlite(dir)) {
            SqlConversationStore store = new SqlConversationStore(db, 100, NOT_BY_ITSELF);
            store.save(turn("SM1", at(0), Reply.of("menu")));
            store.save(turn("SM2", asking, Reply.of("apa?")));
            db.inTransaction(c -> SqlConversationStore.appendLine(c, db, resident, T0.plusSeconds(6), "note", "agent:budi",
                    "dilihat"));
            assertEquals("asking-commodity 0 5", row(db), "the turn's state, then the note as the newest line");
            store.flushRows();
            assertEquals("asking-commodity 0 5", row(db));
            store.save(turn("SM3", at(8), Reply.of("menu")));
            assertEquals(List.of("pesan SM1", "menu", "pesan SM2", "apa?", "dilihat", "pesan SM3", "menu"), transcript(db));
        }
        try (Database db = Database.openSqlite(dir)) {
            assertEquals(Optional.of(at(8)), new SqlConversationStore(db).load(resident), "after a restart");
            assertEquals(List.of("pesan SM1", "menu", "pesan SM2", "apa?", "dilihat", "pesan SM3", "menu"), transcript(db));
        }
    }

    @Test
    void closingTheDatabase_writesTheRowsBehind_andARowBehindIsWrittenByItselfSoon() {
        try (Database db = Database.openSqlite(dir)) {
            SqlConversationStore store = new SqlConversationStore(db, 100, NOT_BY_ITSELF);
            store.save(turn("SM1", at(0), Reply.of("menu")));
            store.save(turn("SM2", at(5).with(new State.ChoosingLanguage()), Reply.of("bahasa?")));
        }
        try (Database db = Database.openSqlite(dir)) {
            assertEquals("choosing-language 0 4", row(db));
        }
        try (Database db = Database.openSqlite(dir.resolve("soon"))) {
            SqlConversationStore soon = new SqlConversationStore(db, 100, Duration.ofMillis(1));
            soon.save(turn("SM7", at(0), Reply.of("menu")));
            soon.save(turn("SM8", at(3).with(new State.AskingCommodity(Optional.empty())), Reply.of("apa?")));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!row(db).equals("asking-commodity 0 4") && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals("asking-commodity 0 4", row(db), "the flush after the turn wrote the row");
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

    private Conversation at(int seconds) {
        return new Conversation(resident, Language.ID, new State.Menu(), 0, T0.plusSeconds(seconds));
    }

    private Turn turn(String id, Conversation after, Reply reply) {
        return new Turn(InboundMessage.text(id, resident, "pesan " + id, after.lastActivity()), after, reply);
    }

    /** The row's state type, misunderstandings and newest line. */
    private String row(Database db) {
        return db.read(c -> Statements.first(c, "SELECT state, misunderstandings, last_line FROM conversation "
                        + "WHERE channel = ? AND address = ?",
                rs -> id.kanal.dialog.StateCodec.typeOf(id.kanal.dialog.StateCodec.decode(rs.getString(1))) + " "
                        + rs.getInt(2) + " " + rs.getLong(3), resident.channel().id(), resident.value())).orElse("none");
    }

    private List<String> transcript(Database db) {
        return new SqlConversationQueue(db, Clock.systemUTC()).transcript(resident).stream().map(l -> l.body()).toList();
    }

    private String handoff(Database db) {
        return db.read(c -> Statements.first(c, "SELECT mode, queue_reason FROM conversation",
                rs -> rs.getString(1) + " " + rs.getString(2))).orElseThrow();
    }

    private static long mark(Database db) {
        return db.read(c -> Statements.first(c, "SELECT covered FROM transcript_mark", rs -> rs.getLong(1))).orElseThrow();
    }
}
