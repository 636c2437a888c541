package id.kanal.store;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.Conversation;
import id.kanal.dialog.InboundMessage;
import id.kanal.dialog.Language;
import id.kanal.dialog.Reply;
import id.kanal.dialog.State;
import id.kanal.dialog.port.Turn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * On SQLite a resident's transcript is a chain (V67): a turn's lines, an agent's reply, a note each follow
 * the resident's newest line, which the conversation's row names or, while the row is behind its turns, this
 * process remembers; another resident's lines in between stay in their own chain. None is lost, none numbered
 * twice, the order is the order of writing.
 */
class TranscriptLineNumbersTest {
    private static final Instant T0 = Instant.parse("2026-12-05T03:00:00Z");
    private final Address resident = new Address(Channel.SMS, "+6281234567890");
    private final Address other = new Address(Channel.SMS, "+6281234567891");

    @TempDir
    Path dir;

    @Test
    void linesOfTurnsAgentsAndNotes_followEachOtherInOneChain() {
        try (Database db = Database.openSqlite(dir)) {
            SqlConversationStore store = new SqlConversationStore(db, 100);
            store.save(turn(resident, "SM1", 0, Reply.of("menu")));
            store.save(turn(other, "SMo1", 0, Reply.of("menu lain")));
            store.save(turn(resident, "SM2", 1, Reply.of("menu lagi")));
            db.inTransaction(c -> SqlConversationStore.appendLine(c, db, resident, T0.plusSeconds(2), "out",
                    "agent:budi", "halo dari budi"));
            store.save(turn(resident, "SM3", 3, Reply.silent()));
            store.note(at(resident, 4), "catatan", T0.plusSeconds(4));
            store.save(turn(other, "SMo2", 4, Reply.silent()));
            store.save(turn(resident, "SM4", 5, Reply.of("menu")));
            store.save(turn(resident, "SM6", 7, Reply.of("akhir")));

            List<String> expected = List.of("1 pesan SM1", "2 menu", "3 pesan SM2", "4 menu lagi", "5 halo dari budi",
                    "6 pesan SM3", "7 catatan", "8 pesan SM4", "9 menu", "10 pesan SM6", "11 akhir");
            assertEquals(expected, walked(db, resident));
            assertEquals(expected, keyed(db, resident), "the walk finds every line of the resident");
            assertEquals(List.of("1 pesan SMo1", "2 menu lain", "3 pesan SMo2"), walked(db, other));
            assertEquals(keyed(db, other), walked(db, other));
        }
    }

    @Test
    void aStateSavedOutsideATurn_keepsTheNewestLine() {
        try (Database db = Database.openSqlite(dir)) {
            SqlConversationStore store = new SqlConversationStore(db, 100);
            store.save(turn(resident, "SM1", 0, Reply.of("menu")));
            db.inTransaction(c -> SqlConversationStore.appendLine(c, db, resident, T0.plusSeconds(1), "note",
                    "agent:budi", "ambil"));
            store.saveState(at(resident, 1).with(new State.WithAgent("budi", T0.plusSeconds(1))));
            store.save(new Turn(InboundMessage.text("SM2", resident, "pesan SM2", T0.plusSeconds(2)),
                    at(resident, 2).with(new State.WithAgent("budi", T0.plusSeconds(1))), Reply.silent()));
            assertEquals(List.of("1 pesan SM1", "2 menu", "3 ambil", "4 pesan SM2"), walked(db, resident));
            assertEquals(keyed(db, resident), walked(db, resident));
        }
    }

    @Test
    void aLineForAResidentWithoutAConversation_isRefused_andNothingIsWritten() {
        try (Database db = Database.openSqlite(dir)) {
            assertThrows(DatabaseException.class, () -> db.inTransaction(c -> SqlConversationStore.appendLine(c,
                    db, resident, T0, "note", "agent:budi", "siapa?")));
            assertEquals(0L, db.read(c -> Statements.first(c, "SELECT COUNT(*) FROM transcript", rs -> rs.getLong(1)))
                    .orElseThrow());
        }
    }

    /**
     * A walk reads the lines it names by id, never the transcript's index of messages: with a plain join and
     * a condition on the provider id, SQLite scanned that whole index for each look-up (10 ms each in the
     * bench, where the walk takes microseconds). The plans come from the statements alone (no statistics).
     */
    @Test
    void walksByProviderId_readLinesByIdInTheWalksOrder() {
        try (Database db = Database.openSqlite(dir)) {
            for (String sql : List.of(Transcript.REPLY_CHAINED, "SELECT 1 FROM " + ResidentLines.of(Dialect.SQLITE,
                    "t.provider_id = ?4") + " l WHERE l.provider_id = ?4")) {
                List<String> plan = db.read(c -> Statements.list(c, "EXPLAIN QUERY PLAN " + sql, rs -> rs.getString(4),
                        "sms", resident.value(), 0L, "SM1"));
                assertEquals(List.of(), plan.stream().filter(step -> step.contains("transcript_message_at")
                        || step.startsWith("SCAN") && !step.equals("SCAN line") && !step.equals("SCAN CONSTANT ROW")).toList(), String.join("\n", plan));
            }
        }
    }

    @Test
    void turnsOfOneTransaction_readTheHighestIdOnce_andAFailedTransactionsIdsAreNotReused() {
        try (Database db = Database.openSqlite(dir)) {
            SqlConversationStore store = new SqlConversationStore(db, 100);
            store.save(turn(resident, "SM1", 0, Reply.of("menu")));
            store.save(turn(other, "SMo1", 0, Reply.of("menu lain")));
            // Both residents' next turns in one transaction, as a group commit runs them (rows behind: heads known).
            db.inTransaction(c -> {
                Transcript.Head first = Transcript.Head.after(c, new Transcript.Head(0, 2, 2));
                lines(resident, "SM2").append(c, first);
                Statements.update(c, "INSERT INTO transcript (id, channel, address, seq, at, direction, author, body) "
                        + "VALUES (99, 'sms', 'x', 1, 0, 'out', 'bot', 'behind the head''s back')");
                Transcript.Head second = Transcript.Head.after(c, new Transcript.Head(0, 4, 2));
                assertEquals(6, second.highestId(), "the first turn's lines counted, the table not read again");
                lines(other, "SMo2").append(c, second);
                return null;
            });
            assertEquals(List.of("5 2 3 pesan SM2", "6 5 4 menu", "7 4 3 pesan SMo2", "8 7 4 menu"), db.read(c ->
                    Statements.list(c, "SELECT id, prev, seq, body FROM transcript WHERE id BETWEEN 5 AND 8 ORDER BY id",
                            rs -> rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getLong(3) + " " + rs.getString(4))));
            // A transaction that appended and then failed: the next one reads the table, not what the failed one knew.
            assertThrows(IllegalStateException.class, () -> db.inTransaction(c -> {
                lines(resident, "SM3").append(c, Transcript.Head.after(c, new Transcript.Head(0, 4, 4)));
                throw new IllegalStateException("the turn failed after its lines");
            }));
            long highest = db.inTransaction(c -> Transcript.Head.after(c, new Transcript.Head(0, 4, 4)).highestId());
            assertEquals(99, highest, "read again in a new transaction");
        }
    }

    private static Transcript.TurnLines lines(Address who, String id) {
        return new Transcript.TurnLines(who, T0.toEpochMilli(), "pesan " + id, id, false, T0.toEpochMilli(), "menu",
                "MENU", 0);
    }

    private Conversation at(Address who, int seconds) {
        return new Conversation(who, Language.ID, new State.Menu(), 0, T0.plusSeconds(seconds));
    }

    private Turn turn(Address who, String id, int seconds, Reply reply) {
        return new Turn(InboundMessage.text(id, who, "pesan " + id, T0.plusSeconds(seconds)), at(who, seconds), reply);
    }

    /** The resident's lines as the console reads them: a walk from the newest. */
    private static List<String> walked(Database db, Address who) {
        return db.read(c -> Statements.list(c, "SELECT t.seq, t.body FROM " + ResidentLines.of(db.dialect())
                + " t ORDER BY t.seq", rs -> rs.getLong(1) + " " + rs.getString(2), who.channel().id(), who.value(),
                db.newestLine(who)));
    }

    /** The resident's lines by their columns, read from the whole table. */
    private static List<String> keyed(Database db, Address who) {
        return db.read(c -> Statements.list(c, "SELECT seq, body FROM transcript WHERE channel = ? AND address = ? "
                + "ORDER BY seq", rs -> rs.getLong(1) + " " + rs.getString(2), who.channel().id(), who.value()));
    }
}
