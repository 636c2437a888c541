package id.kanal.app;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.Reply;
import id.kanal.dialog.port.ComplaintStatus;
import id.kanal.dialog.port.NewComplaint;
import id.kanal.services.feedback.SatisfactionFigures;
import id.kanal.store.Statements;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18, closing the loop, on a real Kanal (SQLite, the real engine and desk): "was it fixed?"
 * asked once per resolution and never after STOP, answered "1" or "2" on the resident's channel
 * (2 reopens, or says the window has passed), a resident who went to the menu meanwhile, and
 * "how was the agent?" after a handback, all in the dashboard's satisfaction figures.
 */
class ClosingTheLoopTest extends KanalOnClock {
    private static final String NUMBER = "+6281234500001";
    private static final Address SMS = new Address(Channel.SMS, NUMBER);



    @Test
    void resolution_asksOnce_andEveryResolutionAsksAgain() {
        String ticket = filedAndResolved(SMS);
        assertEquals(List.of("Laporan " + ticket + " (Sampah) sudah selesai ditangani Dinas Lingkungan Hidup."
                + " Apakah masalahnya sudah beres? 1 Sudah 2 Belum"), sentTo(NUMBER));
        assertEquals(1, questions("fixed"));
        clock.advance(Duration.ofMinutes(5));
        assertTrue(say(SMS, "2").text().contains("kami buka kembali"), "2 reopens");
        assertEquals(ComplaintStatus.IN_PROGRESS, status(ticket));
        clock.advance(Duration.ofHours(1));
        kanal.complaints().changeStatus(ticket, ComplaintStatus.RESOLVED, "staff:budi", "");
        assertEquals(2, questions("fixed"), "a second resolution, a second question");
        assertEquals(2, sentTo(NUMBER).stream().filter(b -> b.contains("1 Sudah 2 Belum")).count());
    }

    @Test
    void answer1_recordsSatisfaction_andThen1IsTheMenuAgain() {
        filedAndResolved(SMS);
        clock.advance(Duration.ofHours(2));
        assertEquals("Terima kasih, senang masalahnya sudah beres. Kirim MENU untuk layanan lain.", say(SMS, "1").text());
        assertEquals(List.of(1), answers("fixed"));
        clock.advance(Duration.ofMinutes(1));
        String next = say(SMS, "1").text();
        assertTrue(next.startsWith("Kategori:"), "answered once, 1 is the menu's complaint again: " + next);
        assertEquals(List.of(1), answers("fixed"));
    }

    @Test
    void englishSpeaker_isAskedInEnglish() {
        say(SMS, "BAHASA EN");
        clock.advance(Duration.ofMinutes(1));
        String ticket = filedAndResolved(SMS);
        assertEquals(List.of("Report " + ticket + " (Rubbish) was resolved by Dinas Lingkungan Hidup."
                + " Is the problem fixed? 1 Yes 2 Not yet"), sentTo(NUMBER));
        clock.advance(Duration.ofMinutes(1));
        assertEquals("Thank you, we are glad the problem is fixed. Send MENU for other services.", say(SMS, "1").text());
    }

    @Test
    void answer2_afterTheReopenWindow_saysSo() {
        String ticket = filedAndResolved(SMS);
        clock.advance(Duration.ofDays(15));
        assertEquals("Laporan " + ticket + " tidak dapat dibuka kembali: hanya pelapornya, paling lambat 14 hari setelah "
                + "selesai. Kirim LAPOR untuk laporan baru.", say(SMS, "2").text());
        assertEquals(ComplaintStatus.RESOLVED, status(ticket));
        assertEquals(List.of(2), answers("fixed"));
    }

    @Test
    void residentAtTheMenuMeanwhile_1ChoosesFromTheMenu_wordsStillAnswer() {
        String ticket = filedAndResolved(SMS);
        clock.advance(Duration.ofMinutes(10));
        say(SMS, "menu");
        clock.advance(Duration.ofMinutes(1));
        String afterMenu = say(SMS, "2").text();
        assertTrue(afterMenu.toLowerCase().contains("tiket"), "2 at the menu is the status check: " + afterMenu);
        assertEquals(ComplaintStatus.RESOLVED, status(ticket), "not reopened by a menu choice");
        assertEquals(List.of(), answers("fixed"));
        clock.advance(Duration.ofMinutes(1));
        say(SMS, "menu");
        clock.advance(Duration.ofMinutes(1));
        assertTrue(say(SMS, "belum beres").text().contains("kami buka kembali"));
        assertEquals(ComplaintStatus.IN_PROGRESS, status(ticket));
    }

    @Test
    void answerOnAnotherChannel_ofTheSameNumber_counts() {
        String ticket = filedAndResolved(new Address(Channel.WHATSAPP, NUMBER));
        // Outside WhatsApp's window and without a template, the question came by SMS: it is answered there.
        assertEquals(List.of("sms"), channelsTo(NUMBER));
        clock.advance(Duration.ofHours(1));
        assertTrue(say(SMS, "2").text().contains("kami buka kembali"));
        assertEquals(ComplaintStatus.IN_PROGRESS, status(ticket));
    }

    @Test
    void afterStop_noQuestion() {
        say(SMS, "STOP");
        clock.advance(Duration.ofMinutes(1));
        filedAndResolved(SMS);
        assertEquals(List.of(), sentTo(NUMBER));
        assertEquals(0, questions("fixed"));
        clock.advance(Duration.ofMinutes(1));
        assertTrue(say(SMS, "1").text().startsWith("Kategori:"), "1 is the menu's choice");
        assertEquals(List.of(), answers("fixed"));
    }

    @Test
    void handback_asksForARating_storedPerAgent_inTheFigures() {
        say(SMS, "petugas");
        assertTrue(kanal.engine().assignAgent(SMS, "siti"));
        clock.advance(Duration.ofMinutes(3));
        String message = kanal.engine().handBack(SMS, "siti").orElseThrow();
        assertTrue(message.endsWith("Bagaimana pelayanan petugas kami? Balas 1 (buruk) sampai 5 (sangat baik)."), message);
        clock.advance(Duration.ofMinutes(1));
        assertEquals("Terima kasih atas penilaian Anda (4 dari 5). Kirim MENU untuk layanan lain.", say(SMS, "4").text());
        filedAndResolved(new Address(Channel.SMS, "+6281234500002"));
        clock.advance(Duration.ofMinutes(1));
        say(new Address(Channel.SMS, "+6281234500002"), "1");

        SatisfactionFigures f = kanal.loop().satisfaction().figures();
        assertEquals(List.of(new SatisfactionFigures.Agent("siti", 1, 1, 4.0)), f.agents());
        assertEquals(List.of(new SatisfactionFigures.Agency("dlh", "Dinas Lingkungan Hidup", 1, 1, 0, 100.0)), f.agencies());
    }

    /** A complaint filed by the resident, then resolved by staff; returns its ticket. */
    private String filedAndResolved(Address reporter) {
        String ticket = kanal.complaints().file(new NewComplaint("k-" + sids.incrementAndGet(), reporter, "sampah",
                "Jl. Merdeka 5", "Sampah menumpuk seminggu", Optional.empty(), List.of())).ticket();
        clock.advance(Duration.ofMinutes(1));
        kanal.complaints().changeStatus(ticket, ComplaintStatus.RESOLVED, "staff:budi", "");
        return ticket;
    }

    private Reply say(Address from, String text) {
        return message(from, text);
    }

    private ComplaintStatus status(String ticket) {
        return kanal.complaints().find(ticket).orElseThrow().status();
    }

    private List<String> sentTo(String address) {
        return kanal.database().read(c -> Statements.list(c, "SELECT body FROM outbox WHERE address = ? AND kind = "
                + "'status-change' ORDER BY created_at, body", rs -> rs.getString(1), address));
    }

    private List<String> channelsTo(String address) {
        return kanal.database().read(c -> Statements.list(c, "SELECT channel FROM outbox WHERE address = ? "
                + "ORDER BY created_at", rs -> rs.getString(1), address));
    }

    private int questions(String kind) {
        return kanal.database().read(c -> Statements.first(c, "SELECT COUNT(*) FROM resident_question WHERE kind = ?",
                rs -> rs.getInt(1), kind).orElse(0));
    }

    private List<Integer> answers(String kind) {
        return kanal.database().read(c -> Statements.list(c, "SELECT answer FROM resident_question WHERE kind = ? "
                + "AND answer IS NOT NULL ORDER BY answered_at", rs -> rs.getInt(1), kind));
    }
}
