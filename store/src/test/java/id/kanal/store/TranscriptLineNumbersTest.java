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
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * On SQLite a turn numbers its lines after the last line its resident's previous turn committed, as
 * the store remembers it; a line written meanwhile by anything else (an agent's reply, a note, another
 * store) makes that number taken, and the turn's lines then follow the transcript's real last line:
 * none is lost, none numbered twice, the order is the order of writing.
 */
class TranscriptLineNumbersTest {
    private static final Instant T0 = Instant.parse("2026-12-05T03:00:00Z");
    private final Address resident = new Address(Channel.SMS, "+6281234567890");

    @TempDir
    Path dir;

    @Test
    void linesWrittenBetweenTwoTurns_areFollowedByTheNextTurnsLines() {
        try (Database db = Database.openSqlite(dir)) {
            SqlConversationStore store = new SqlConversationStore(db, 100, Duration.ofHours(1));
            store.save(turn("SM1", 0, Reply.of("menu")));
            store.save(turn("SM2", 1, Reply.of("menu lagi")));
            db.inTransaction(c -> SqlConversationStore.appendLine(c, resident, T0.plusSeconds(2), "out", "agent:budi", "halo dari budi"));
            store.save(turn("SM3", 3, Reply.silent()));
            store.note(at(4), "catatan", T0.plusSeconds(4));
            store.save(turn("SM4", 5, Reply.of("menu")));
            new SqlConversationStore(db, 100, Duration.ofHours(1)).save(turn("SM5", 6, Reply.of("dari toko lain")));
            store.save(turn("SM6", 7, Reply.of("akhir")));

            assertEquals(List.of("1 pesan SM1", "2 menu", "3 pesan SM2", "4 menu lagi", "5 halo dari budi", "6 pesan SM3",
                    "7 catatan", "8 pesan SM4", "9 menu", "10 pesan SM5", "11 dari toko lain", "12 pesan SM6", "13 akhir"),
                    lines(db));
            store.close();
            assertEquals(12L, db.read(c -> Statements.first(c, "SELECT line_seq FROM conversation", rs -> rs.getLong(1)))
                    .orElseThrow(), "the flushed row includes the last turn's message line, which carries its state");
        }
    }

    @Test
    void aTurnAfterItsStateWasSavedOutsideATurn_numbersAfterTheLastLine() {
        try (Database db = Database.openSqlite(dir)) {
            SqlConversationStore store = new SqlConversationStore(db, 100, Duration.ofHours(1));
            store.save(turn("SM1", 0, Reply.of("menu")));
            db.inTransaction(c -> SqlConversationStore.appendLine(c, resident, T0.plusSeconds(1), "note", "agent:budi", "ambil"));
            store.saveState(at(1).with(new State.WithAgent("budi", T0.plusSeconds(1))));
            store.save(new Turn(InboundMessage.text("SM2", resident, "pesan SM2", T0.plusSeconds(2)),
                    at(2).with(new State.WithAgent("budi", T0.plusSeconds(1))), Reply.silent()));
            assertEquals(List.of("1 pesan SM1", "2 menu", "3 ambil", "4 pesan SM2"), lines(db));
        }
    }

    private Conversation at(int seconds) {
        return new Conversation(resident, Language.ID, new State.Menu(), 0, T0.plusSeconds(seconds));
    }

    private Turn turn(String id, int seconds, Reply reply) {
        return new Turn(InboundMessage.text(id, resident, "pesan " + id, T0.plusSeconds(seconds)), at(seconds), reply);
    }

    private static List<String> lines(Database db) {
        return db.read(c -> Statements.list(c, "SELECT seq, body FROM transcript ORDER BY seq",
                rs -> rs.getLong(1) + " " + rs.getString(2)));
    }
}
