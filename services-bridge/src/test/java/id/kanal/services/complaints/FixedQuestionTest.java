package id.kanal.services.complaints;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.port.ComplaintStatus;
import id.kanal.store.Residents;
import id.kanal.store.Statements;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static id.kanal.services.complaints.DeskFixture.complaint;
import static id.kanal.services.complaints.DeskFixture.outbox;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * "Was it fixed?" on WhatsApp outside the 24-hour window: the feedback template carries the
 * question (and the question is recorded); the status template alone does not (and it is not).
 */
class FixedQuestionTest extends DeskTest {
    private static final String STATUS_SID = "HX00000000000000000000000000000001";
    private static final String FEEDBACK_SID = "HX00000000000000000000000000000002";
    private static final Address WHATSAPP = new Address(Channel.WHATSAPP, "+6281234567890");

    private SqlComplaintDesk deskWith(Optional<String> feedbackSid) {
        return SqlComplaintDesk.open(db, SqlComplaintDeskTest.REGION, clock,
                new NotificationSettings(Optional.of(STATUS_SID), feedbackSid), false);
    }

    private String resolvedOutsideTheWindow(SqlComplaintDesk d) {
        db.inTransaction(c -> {
            Residents.touchWhatsApp(c, WHATSAPP.value(), clock.instant());
            return null;
        });
        String ticket = d.file(complaint("k-1", WHATSAPP, "jalan-rusak", "Jl. Merdeka 5", Optional.empty())).ticket();
        clock.advance(Duration.ofDays(2));
        d.changeStatus(ticket, ComplaintStatus.RESOLVED, "staff:budi", "");
        return ticket;
    }

    @Test
    void feedbackTemplate_carriesTheQuestion_whichIsRecorded() {
        String ticket = resolvedOutsideTheWindow(deskWith(Optional.of(FEEDBACK_SID)));
        assertEquals(List.of("whatsapp " + FEEDBACK_SID + " {\"1\":\"" + ticket + "\",\"2\":\"Jalan rusak\"}"),
                outbox(db).stream().map(s -> s.channel() + " " + s.template()).toList());
        assertEquals(List.of(ticket), questions());
    }

    @Test
    void statusTemplateOnly_doesNotAsk() {
        resolvedOutsideTheWindow(deskWith(Optional.empty()));
        assertEquals(List.of(STATUS_SID), outbox(db).stream().map(s -> s.template().split(" ")[0]).toList());
        assertEquals(List.of(), questions());
    }

    private List<String> questions() {
        return db.read(c -> Statements.list(c, "SELECT subject FROM resident_question WHERE kind = 'fixed'",
                rs -> rs.getString(1)));
    }
}
