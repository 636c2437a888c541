package id.kanal.services.feedback;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.port.PendingQuestion;
import id.kanal.store.Database;
import id.kanal.store.TelegramChats;
import id.kanal.store.testing.TestDatabase;
import id.kanal.store.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A pending question is the person's: found from their number and from the Telegram chat linked to it. */
@ExtendWith(TestDatabases.class)
class SqlResidentQuestionsTest {
    private static final Instant T0 = Instant.parse("2026-12-05T05:00:00Z");
    private static final Address NUMBER = new Address(Channel.SMS, "+6281234567890");
    private static final Address CHAT = new Address(Channel.TELEGRAM, "523901877");
    private static final Address OTHER_CHAT = new Address(Channel.TELEGRAM, "600000001");

    @TempDir
    Path dir;
    Database db;
    SqlResidentQuestions questions;

    @BeforeEach
    void open(TestDatabase database) {
        db = database.open(dir, 2);
        questions = new SqlResidentQuestions(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void askedOnTheNumber_isPendingOnTheLinkedChat_andNotOnAnother() {
        questions.askAgentRating(NUMBER, "budi", T0);
        assertEquals(Optional.empty(), subject(CHAT), "not linked yet: the chat is another person");
        linkChat();
        assertEquals(Optional.of("budi"), subject(NUMBER));
        assertEquals(Optional.of("budi"), subject(CHAT));
        assertEquals(Optional.empty(), subject(OTHER_CHAT));
    }

    @Test
    void askedOnTheChat_isPendingOnTheLinkedNumber() {
        linkChat();
        questions.askAgentRating(CHAT, "sari", T0);
        assertEquals(Optional.of("sari"), subject(NUMBER));
        assertEquals(Optional.of("sari"), subject(CHAT));
        assertEquals(Optional.empty(), subject(new Address(Channel.SMS, "+6281200000000")));
    }

    private void linkChat() {
        db.inTransaction(c -> {
            TelegramChats.link(c, NUMBER.value(), CHAT.value(), T0);
            return null;
        });
    }

    private Optional<String> subject(Address resident) {
        return questions.pending(resident, T0.minusSeconds(60)).map(PendingQuestion::subject);
    }
}
