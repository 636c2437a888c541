package id.kanal.services.complaints;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.port.ComplaintStatus;
import id.kanal.dialog.port.PendingQuestion;
import id.kanal.services.feedback.SqlResidentQuestions;
import id.kanal.store.SqlResidentRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static id.kanal.services.complaints.DeskFixture.complaint;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Residents without a question are known in memory (most menu digits do not look one up), and
 * that never hides a question asked, or a channel linked, after the residents were read.
 */
class QuestionMemoTest extends DeskTest {
    private static final Address SMS = new Address(Channel.SMS, "+6281234567890");

    private SqlResidentQuestions questions;

    private Optional<String> pending(SqlResidentQuestions q, Address resident) {
        Instant since = clock.instant().minus(Duration.ofDays(30));
        return q.pending(resident, since).map(PendingQuestion::subject);
    }

    @Test
    void questionAskedAfterTheMemo_isFound() {
        questions = new SqlResidentQuestions(db);
        String ticket = desk.file(complaint("k-1", SMS, "jalan-rusak", "Jl. Merdeka 5", Optional.empty())).ticket();
        assertEquals(Optional.empty(), pending(questions, SMS));
        assertEquals(Optional.empty(), pending(questions, SMS)); // known without
        clock.advance(Duration.ofHours(1));
        desk.changeStatus(ticket, ComplaintStatus.RESOLVED, "staff:budi", "");
        assertEquals(Optional.of(ticket), pending(questions, SMS));
    }

    @Test
    void agentRatingAskedAfterTheMemo_isFound() {
        questions = new SqlResidentQuestions(db);
        assertEquals(Optional.empty(), pending(questions, SMS));
        questions.askAgentRating(SMS, "agent:sari", clock.instant());
        assertEquals(Optional.of("agent:sari"), pending(questions, SMS));
    }

    @Test
    void telegramChatLinkedAfterTheMemo_findsThePhonesQuestion() {
        questions = new SqlResidentQuestions(db);
        Address telegram = new Address(Channel.TELEGRAM, "777");
        questions.askAgentRating(SMS, "agent:sari", clock.instant());
        assertEquals(Optional.empty(), pending(questions, telegram));
        new SqlResidentRegistry(db).linkTelegramChat(SMS.value(), "777", clock.instant());
        assertEquals(Optional.of("agent:sari"), pending(questions, telegram));
    }
}
