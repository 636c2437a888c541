package id.kanal.services.complaints;


import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.GeoPoint;
import id.kanal.dialog.Gsm7;
import id.kanal.dialog.Media;
import id.kanal.dialog.port.ComplaintStatus;
import id.kanal.dialog.port.NewComplaint;
import id.kanal.dialog.port.OutboundMessage;
import id.kanal.services.complaints.DeskFixture.Sent;
import id.kanal.store.Residents;
import id.kanal.store.TelegramChats;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static id.kanal.services.complaints.DeskFixture.complaint;
import static id.kanal.services.complaints.DeskFixture.outbox;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Status changes through the real desk: history, outbox notifications per channel, STOP, language, overdue. */
class ComplaintStatusChangeTest extends DeskTest {
    private static final String TEMPLATE_SID = "HX0123456789abcdef0123456789abcdef";
    private static final String NUMBER = "+6281234567890";

    @Override
    SqlComplaintDesk openDesk() {
        return SqlComplaintDesk.open(db, SqlComplaintDeskTest.REGION, clock,
                new NotificationSettings(Optional.of(TEMPLATE_SID)), false);
    }

    private String file(Channel channel, String address) {
        return desk.file(complaint("k-" + channel + address, new Address(channel, address), "jalan-rusak",
                "Jl. Merdeka " + address, Optional.empty())).ticket();
    }

    @Test
    void changeStatus_smsReporter_eachTransitionNotifiedInGsm7WithinTwoSegments() {
        String ticket = file(Channel.SMS, NUMBER);
        assertEquals(List.of(), outbox(db), "filing itself is answered by the dialog, not the outbox");
        desk.changeStatus(ticket, ComplaintStatus.IN_PROGRESS, "staff:budi", "Tim dikirim besok pagi");
        desk.changeStatus(ticket, ComplaintStatus.RESOLVED, "staff:budi", "Lubang sudah ditambal");
        List<Sent> sent = outbox(db);
        assertEquals(2, sent.size(), sent.toString());
        assertEquals(new Sent("sms", NUMBER, "Laporan TNG-000001 (Jalan rusak) sedang dikerjakan oleh Dinas PUPR. "
                + "Catatan: Tim dikirim besok pagi", "status-change", OutboundMessage.BULK, null), sent.get(0));
        assertEquals("Laporan TNG-000001 (Jalan rusak) sudah selesai ditangani Dinas PUPR. Catatan: Lubang sudah "
                + "ditambal Apakah masalahnya sudah beres? 1 Sudah 2 Belum", sent.get(1).body());
        for (Sent s : sent) {
            assertTrue(Gsm7.isGsm7(s.body()) && Gsm7.segments(s.body()) <= 2, s.body());
        }
    }

    @Test
    void changeStatus_twoStaffAtOnce_oneWinsTheOtherIsRefused() throws Exception {
        // On PostgreSQL both transactions really run at once and both read ASSIGNED: the conditional
        // update lets one through; the other is refused, not applied a second time.
        String ticket = file(Channel.SMS, NUMBER);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String by = "staff:" + i;
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        desk.changeStatus(ticket, ComplaintStatus.IN_PROGRESS, by, "Tim dikirim");
                        return "changed";
                    } catch (TransitionRefusedException e) {
                        return "refused";
                    }
                }));
            }
            go.countDown();
            List<String> outcomes = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<String> f : results) {
                outcomes.add(f.get());
            }
            assertEquals(1, outcomes.stream().filter("changed"::equals).count(), outcomes.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(ComplaintStatus.RECEIVED, ComplaintStatus.ASSIGNED, ComplaintStatus.IN_PROGRESS),
                desk.queries().detail(ticket).orElseThrow().history().stream().map(HistoryEntry::status).toList());
        assertEquals(1, outbox(db).size(), "the reporter is told once");
    }

    @Test
    void changeStatus_longNoteWithEmoji_smsClippedToTwoGsm7Segments() {
        String ticket = file(Channel.SMS, NUMBER);
        desk.changeStatus(ticket, ComplaintStatus.IN_PROGRESS, "staff:budi", "Sedang dikerjakan \uD83D\uDE80 "
                + "“segera” ".repeat(40));
        String body = outbox(db).getFirst().body();
        assertTrue(Gsm7.isGsm7(body), body);
        assertTrue(Gsm7.segments(body) <= 2, body);
        assertTrue(body.endsWith("..."), body);
    }

    @Test
    void changeStatus_recordsWhoWhenAndNoteInHistory() {
        String ticket = file(Channel.SMS, NUMBER);
        clock.advance(Duration.ofHours(2));
        desk.changeStatus(ticket, ComplaintStatus.REJECTED, "staff:siti", "Bukan wewenang kota");
        List<HistoryEntry> history = desk.queries().detail(ticket).orElseThrow().history();
        assertEquals(List.of(ComplaintStatus.RECEIVED, ComplaintStatus.ASSIGNED, ComplaintStatus.REJECTED),
                history.stream().map(HistoryEntry::status).toList());
        assertEquals("resident:sms", history.get(0).by());
        assertEquals("kanal:routing", history.get(1).by());
        assertEquals(new HistoryEntry(3, ComplaintStatus.REJECTED, clock.instant(), "staff:siti", "Bukan wewenang kota"),
                history.get(2));
        assertEquals("Laporan TNG-000001 (Jalan rusak) ditolak. Alasan: Bukan wewenang kota", outbox(db).getFirst().body());
    }

    @Test
    void changeStatus_refused_writesNeitherHistoryNorNotification() {
        String ticket = file(Channel.SMS, NUMBER);
        TransitionRefusedException e = assertThrows(TransitionRefusedException.class,
                () -> desk.changeStatus(ticket, ComplaintStatus.RECEIVED, "staff:budi", ""));
        assertTrue(e.getMessage().contains("ASSIGNED -> RECEIVED"), e.getMessage());
        assertEquals(2, desk.queries().detail(ticket).orElseThrow().history().size());
        assertEquals(List.of(), outbox(db));
    }

    @Test
    void changeStatus_unknownTicket_isNotFound() {
        assertThrows(ComplaintNotFoundException.class,
                () -> desk.changeStatus("TNG-999999", ComplaintStatus.IN_PROGRESS, "staff:budi", ""));
    }

    @Test
    void changeStatus_resolvedToInProgressAfter15Days_isRefused() {
        String ticket = file(Channel.SMS, NUMBER);
        desk.changeStatus(ticket, ComplaintStatus.RESOLVED, "staff:budi", "");
        clock.advance(Duration.ofDays(15));
        assertThrows(TransitionRefusedException.class, () -> desk.reopenAsResident(ticket, new Address(Channel.SMS, NUMBER), ""));
        assertEquals(ComplaintStatus.RESOLVED, desk.find(ticket).orElseThrow().status());
    }

    @Test
    void reopen_byReporterWithin14Days_backInProgressAndTold() {
        String ticket = file(Channel.SMS, NUMBER);
        desk.changeStatus(ticket, ComplaintStatus.RESOLVED, "staff:budi", "");
        clock.advance(Duration.ofDays(13));
        assertThrows(TransitionRefusedException.class,
                () -> desk.reopenAsResident(ticket, new Address(Channel.SMS, "+6289999999999"), "belum beres"));
        StatusChanged changed = desk.reopenAsResident(ticket, new Address(Channel.SMS, NUMBER), "masih berlubang");
        assertEquals(new StatusChanged(ticket, ComplaintStatus.RESOLVED, ComplaintStatus.IN_PROGRESS, 1), changed);
        assertEquals("Laporan TNG-000001 (Jalan rusak) dibuka kembali dan dikerjakan lagi oleh Dinas PUPR. "
                + "Catatan: masih berlubang", outbox(db).getLast().body());
    }

    @Test
    void changeStatus_ussdReporter_getsSms() {
        String ticket = file(Channel.USSD, NUMBER);
        desk.changeStatus(ticket, ComplaintStatus.IN_PROGRESS, "staff:budi", "");
        Sent s = outbox(db).getFirst();
        assertEquals("sms", s.channel());
        assertEquals(NUMBER, s.address());
    }

    @Test
    void changeStatus_telegramReporter_getsTelegramText() {
        String ticket = file(Channel.TELEGRAM, "123456789");
        desk.changeStatus(ticket, ComplaintStatus.IN_PROGRESS, "staff:budi", "");
        assertEquals("telegram", outbox(db).getFirst().channel());
    }

    @Test
    void changeStatus_whatsAppInsideWindow_freeTextOnWhatsApp() {
        String ticket = file(Channel.WHATSAPP, NUMBER);
        db.inTransaction(c -> {
            Residents.touchWhatsApp(c, NUMBER, clock.instant().minus(Duration.ofHours(23)));
            return null;
        });
        desk.changeStatus(ticket, ComplaintStatus.IN_PROGRESS, "staff:budi", "");
        Sent s = outbox(db).getFirst();
        assertEquals("whatsapp", s.channel());
        assertNull(s.template());
    }

    @Test
    void changeStatus_whatsAppOutsideWindow_configuredTemplate() {
        String ticket = file(Channel.WHATSAPP, NUMBER);
        db.inTransaction(c -> {
            Residents.touchWhatsApp(c, NUMBER, clock.instant().minus(Duration.ofHours(25)));
            return null;
        });
        desk.changeStatus(ticket, ComplaintStatus.RESOLVED, "staff:budi", "");
        Sent s = outbox(db).getFirst();
        assertEquals("whatsapp", s.channel());
        assertEquals(TEMPLATE_SID + " {\"1\":\"TNG-000001\",\"2\":\"selesai\"}",
                s.template());
    }

    @Test
    void changeStatus_whatsAppOutsideWindowWithoutTemplate_sms() {
        SqlComplaintDesk plain = SqlComplaintDesk.open(db, SqlComplaintDeskTest.REGION, clock);
        String ticket = plain.file(complaint("k", new Address(Channel.WHATSAPP, NUMBER), "sampah", "Pasar Anyar",
                Optional.empty())).ticket();
        plain.changeStatus(ticket, ComplaintStatus.IN_PROGRESS, "staff:budi", "");
        assertEquals("sms", outbox(db).getFirst().channel());
    }

    @Test
    void changeStatus_residentSentStop_nothingQueued() {
        String ticket = file(Channel.SMS, NUMBER);
        db.inTransaction(c -> {
            Residents.setOptedOut(c, NUMBER, true, clock.instant());
            return null;
        });
        StatusChanged changed = desk.changeStatus(ticket, ComplaintStatus.IN_PROGRESS, "staff:budi", "");
        assertEquals(0, changed.notified());
        assertEquals(List.of(), outbox(db));
    }

    @Test
    void changeStatus_telegramReporterWhoSentStopBySms_nothingQueued() {
        String ticket = file(Channel.TELEGRAM, "523901877");
        db.inTransaction(c -> {
            // The chat shared its contact: the same person as the number, who sent STOP by SMS.
            TelegramChats.link(c, NUMBER, "523901877", clock.instant());
            Residents.setOptedOut(c, NUMBER, true, clock.instant());
            return null;
        });
        assertEquals(0, desk.changeStatus(ticket, ComplaintStatus.IN_PROGRESS, "staff:budi", "").notified());
        assertEquals(List.of(), outbox(db));
    }

    @Test
    void changeStatus_smsReporterWhoStoppedTheLinkedTelegramChat_nothingQueued() {
        String ticket = file(Channel.SMS, NUMBER);
        db.inTransaction(c -> {
            TelegramChats.link(c, NUMBER, "523901877", clock.instant());
            Residents.setOptedOut(c, "telegram:523901877", true, clock.instant());
            return null;
        });
        assertEquals(0, desk.changeStatus(ticket, ComplaintStatus.IN_PROGRESS, "staff:budi", "").notified());
        assertEquals(List.of(), outbox(db));
    }

    @Test
    void changeStatus_englishConversation_englishText() {
        String ticket = file(Channel.SMS, NUMBER);
        db.inTransaction(c -> {
            c.createStatement().executeUpdate("INSERT INTO conversation (channel, address, language, state, "
                    + "misunderstandings, last_activity) VALUES ('sms', '" + NUMBER + "', 'en', 'MENU', 0, 0)");
            return null;
        });
        desk.changeStatus(ticket, ComplaintStatus.IN_PROGRESS, "staff:budi", "");
        assertEquals("Report TNG-000001 (Damaged road) is being handled by Dinas PUPR.", outbox(db).getFirst().body());
    }

    @Test
    void changeStatus_original_duplicatesFollowAndTheirReportersAreTold() {
        Address other = new Address(Channel.SMS, "+6285555555555");
        String original = desk.file(complaint("k1", new Address(Channel.SMS, NUMBER), "jalan-rusak", "Jl. Merdeka 5",
                Optional.empty())).ticket();
        var dup = desk.file(complaint("k2", other, "jalan-rusak", "jl merdeka no 5", Optional.empty()));
        assertEquals(Optional.of(original), dup.duplicateOf());
        StatusChanged changed = desk.changeStatus(original, ComplaintStatus.IN_PROGRESS, "staff:budi", "");
        assertEquals(2, changed.notified());
        assertEquals(Set.of(NUMBER + " TNG-000001", "+6285555555555 TNG-000002"), Set.copyOf(outbox(db).stream()
                .map(s -> s.address() + " " + s.body().substring(8, 18)).toList()));
        assertEquals(ComplaintStatus.IN_PROGRESS, desk.find(dup.ticket()).orElseThrow().status());
        assertEquals("staff:budi via TNG-000001", desk.queries().detail(dup.ticket()).orElseThrow().history().getLast().by());
    }

    @Test
    void reads_overdueAfterCategoryResolutionDays_andProviderMediaNotListed() {
        desk.file(new NewComplaint("k", new Address(Channel.WHATSAPP, NUMBER), "sampah", "Pasar Anyar", "Bau",
                Optional.of(new GeoPoint(-6.18, 106.63)), List.of(new Media("https://api.twilio.com/ME1", "image/jpeg"),
                new Media("https://api.twilio.com/ME2", "image/png"))));
        assertFalse(desk.queries().detail("TNG-000001").orElseThrow().overdue());
        clock.advance(Duration.ofDays(3).plusMinutes(1));
        ComplaintDetail d = desk.queries().detail("TNG-000001").orElseThrow();
        assertTrue(d.overdue());
        // A resident's photos are the provider's URLs: kept for the photo fetcher, never listed in reads.
        assertEquals(List.of(), d.media());
        assertEquals(2, new ComplaintPhotos(db).of("TNG-000001").size());
        assertEquals(1, desk.queries().list(new ComplaintFilter(Set.of(), Set.of(), Optional.empty(),
                Optional.of(true), Optional.empty(), Optional.empty(), Set.of(), 10)).size());
        assertEquals(1, desk.queries().counts().overdue());
        desk.changeStatus("TNG-000001", ComplaintStatus.RESOLVED, "staff:budi", "");
        assertFalse(desk.queries().detail("TNG-000001").orElseThrow().overdue());
    }

    /** The read offers what a change then accepts, by the desk's clock, at the reopen window's edge. */
    @Test
    void reads_allowedTransitions_followTheLifecycleAndTheReopenWindow() {
        String ticket = file(Channel.SMS, NUMBER);
        assertEquals(List.of(ComplaintStatus.IN_PROGRESS, ComplaintStatus.RESOLVED, ComplaintStatus.REJECTED),
                List.copyOf(desk.queries().detail(ticket).orElseThrow().allowedTransitions()), "filed, then ASSIGNED");
        desk.changeStatus(ticket, ComplaintStatus.RESOLVED, "staff:budi", "");
        clock.advance(Duration.ofDays(14));
        assertEquals(Set.of(ComplaintStatus.IN_PROGRESS), desk.queries().detail(ticket).orElseThrow().allowedTransitions());
        assertEquals(Set.of(ComplaintStatus.IN_PROGRESS), desk.queries().list(new ComplaintFilter(Set.of(), Set.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Set.of(), 10))
                .getFirst().allowedTransitions(), "lists carry it too");
        clock.advance(Duration.ofDays(1));
        assertEquals(Set.of(), desk.queries().detail(ticket).orElseThrow().allowedTransitions(), "day 15: nothing");
        assertThrows(TransitionRefusedException.class,
                () -> desk.changeStatus(ticket, ComplaintStatus.IN_PROGRESS, "staff:budi", ""));

        String rejected = file(Channel.SMS, "+6281200000002");
        desk.changeStatus(rejected, ComplaintStatus.REJECTED, "staff:budi", "Bukan wewenang kota");
        assertEquals(Set.of(), desk.queries().detail(rejected).orElseThrow().allowedTransitions(), "REJECTED is final");
    }
}
