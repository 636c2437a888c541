package id.kanal.store;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.Conversation;
import id.kanal.dialog.InboundMessage;
import id.kanal.dialog.Reply;
import id.kanal.dialog.port.Turn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The provider ids a SQLite database holds, in memory: never "surely new" for an id it holds (a
 * retry must find its first reply), across a restart and past the first filter's capacity; and
 * "surely new" for nearly every id it does not hold, so new messages skip the look-up.
 */
class InboundIdsTest {
    private static final Instant T0 = Instant.parse("2026-12-05T02:00:00Z");

    @TempDir
    Path dir;

    @Test
    void everyIdAdded_isPerhapsSeen_andFewOthersAre_pastTheFirstFilter() {
        try (Database db = Database.openSqlite(dir)) {
            InboundIds ids = InboundIds.of(db);
            int added = 300_000; // more than the first filter's 65,536: three more filters
            for (int i = 0; i < added; i++) {
                ids.add("sms", "SM" + i);
            }
            for (int i = 0; i < added; i++) {
                assertTrue(ids.mightContain("sms", "SM" + i), "SM" + i);
            }
            int falsePositives = 0;
            int tried = 100_000;
            for (int i = 0; i < tried; i++) {
                if (ids.mightContain("sms", "MM" + i)) {
                    falsePositives++;
                }
            }
            // Four filters: their false positives add up, and must stay rare (10 bits an id gave about 3%).
            assertTrue(falsePositives < tried / 200, falsePositives + " of " + tried + " new ids asked the database");
            assertFalse(ids.mightContain("whatsapp", "SM1") && ids.mightContain("telegram", "SM1")
                    && ids.mightContain("ussd", "SM1"), "the channel is part of the id");
        }
    }

    @Test
    void aRetry_afterARestart_getsItsFirstReply_andANewMessageNone() {
        Address resident = new Address(Channel.SMS, "+6281234567890");
        try (Database db = Database.openSqlite(dir)) {
            new SqlConversationStore(db).save(new Turn(InboundMessage.text("SM-first", resident, "halo", T0),
                    Conversation.start(resident, T0), Reply.of("menu")));
        }
        try (Database db = Database.openSqlite(dir)) {
            SqlConversationStore store = new SqlConversationStore(db);
            assertEquals(Optional.of("menu"), store.replyTo(resident, "SM-first").map(Reply::text));
            assertEquals(Optional.empty(), store.replyTo(resident, "SM-new"));
            // A second store on the same database shares what the first one saved.
            SqlConversationStore second = new SqlConversationStore(db);
            store.save(new Turn(InboundMessage.text("SM-later", resident, "1", T0.plusSeconds(5)),
                    Conversation.start(resident, T0), Reply.of("harga")));
            assertEquals(Optional.of("harga"), second.replyTo(resident, "SM-later").map(Reply::text));
        }
    }
}
