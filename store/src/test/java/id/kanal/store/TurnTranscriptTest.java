package id.kanal.store;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.Conversation;
import id.kanal.dialog.InboundMessage;
import id.kanal.dialog.Reply;
import id.kanal.dialog.port.Turn;
import id.kanal.store.testing.PostgresSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A turn writes its conversation and its two transcript lines (one for a silent reply), numbered
 * after the lines already there, agents' lines included; the message's line is its record for
 * deduplication: a retry gets the first reply, a silent one (even when the bot wrote a line after
 * it that was not the turn's, on a hand-back) and one that ended the session included; on SQLite and
 * on PostgreSQL ({@code KANAL_TEST_PG_URL}).
 */
class TurnTranscriptTest {
    private static final Instant T0 = Instant.parse("2026-11-22T03:00:00Z");
    private final Address resident = new Address(Channel.SMS, "+6281234567890");
    private final Address other = new Address(Channel.SMS, "+6281234567891");

    @TempDir
    Path dir;

    @Test
    void turns_onSqlite_numberTheirLinesAfterTheTranscriptsLast() {
        try (Database db = Database.openSqlite(dir)) {
            turnsNumberTheirLines(db);
        }
    }

    @Test
    void turns_onPostgres_numberTheirLinesAfterTheTranscriptsLast() {
        try (PostgresSchema schema = PostgresSchema.create(); Database db = schema.open(2)) {
            turnsNumberTheirLines(db);
        }
    }

    private void turnsNumberTheirLines(Database db) {
        SqlConversationStore store = new SqlConversationStore(db);
        store.save(turn("SM1", resident, "halo", T0, Reply.of("menu")));
        store.save(turn("SMx", other, "hai", T0, Reply.of("menu lain")));
        db.inTransaction(c -> SqlConversationStore.appendLine(c, db, resident, T0.plusSeconds(5), "out", "agent:budi",
                "dari petugas"));
        store.save(turn("SM2", resident, "STOP", T0.plusSeconds(9), Reply.silent()));
        store.save(turn("SM3", resident, "3", T0.plusSeconds(20), Reply.of("harga")));

        assertEquals(List.of("1 in resident halo @0", "2 out bot menu @0", "3 out agent:budi dari petugas @5",
                "4 in resident STOP @9", "5 in resident 3 @20", "6 out bot harga @20"), lines(db, resident));
        assertEquals(List.of("1 in resident hai @0", "2 out bot menu lain @0"), lines(db, other));
        assertEquals(Optional.of(Reply.of("harga")), store.replyTo(resident, "SM3"));
        assertEquals(Optional.of(Reply.silent()), store.replyTo(resident, "SM2"));
        assertEquals(Optional.of(Reply.of("menu")), store.replyTo(resident, "SM1"));
        assertEquals(Optional.empty(), store.replyTo(other, "SM1"), "another resident's message");
        assertEquals(Optional.empty(), store.replyTo(resident, "SM9"));

        // An agent's conversation: the turn is silent, then the agent hands back and the bot writes the menu.
        store.save(turn("SM4", resident, "terima kasih pak", T0.plusSeconds(30), Reply.silent()));
        db.inTransaction(c -> SqlConversationStore.appendLine(c, db, resident, T0.plusSeconds(40), "out", "bot", "menu"));
        assertEquals(Optional.of(Reply.silent()), store.replyTo(resident, "SM4"), "the hand-back's line is no reply");
        Reply ended = new Reply("Terima kasih", List.of(), true);
        store.save(turn("SM5", resident, "4", T0.plusSeconds(50), ended));
        assertEquals(Optional.of(ended), store.replyTo(resident, "SM5"));
        // Another store (no Bloom filter or cache of this one's) reads the same from the database.
        assertEquals(Optional.of(ended), new SqlConversationStore(db).replyTo(resident, "SM5"));
        assertEquals(Optional.of(Reply.silent()), new SqlConversationStore(db).replyTo(resident, "SM4"));
    }

    private static Turn turn(String id, Address from, String text, Instant at, Reply reply) {
        return new Turn(InboundMessage.text(id, from, text, at), Conversation.start(from, at), reply);
    }

    private static List<String> lines(Database db, Address who) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (var ps = c.prepareStatement("SELECT seq, direction, author, body, at FROM transcript "
                    + "WHERE channel = ? AND address = ? ORDER BY seq")) {
                ps.setString(1, who.channel().id());
                ps.setString(2, who.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4)
                                + " @" + (rs.getLong(5) - T0.toEpochMilli()) / 1000);
                    }
                }
            }
            return out;
        });
    }
}
