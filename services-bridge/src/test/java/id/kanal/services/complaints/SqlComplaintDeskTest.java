package id.kanal.services.complaints;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.Conversation;
import id.kanal.dialog.InboundMessage;
import id.kanal.dialog.Reply;
import id.kanal.dialog.port.Turn;
import id.kanal.store.SqlConversationStore;
import id.kanal.store.testing.TestDatabase;
import id.kanal.dialog.GeoPoint;
import id.kanal.dialog.Media;
import id.kanal.dialog.port.ComplaintService;
import id.kanal.dialog.port.ComplaintStatus;
import id.kanal.dialog.port.ComplaintView;
import id.kanal.dialog.port.FiledComplaint;
import id.kanal.dialog.port.NewComplaint;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlComplaintDeskTest extends DeskTest {
    static final RegionDefinition REGION = new RegionDefinition("kota-tangerang", "Kota Tangerang", "TNG",
            List.of(new RegionDefinition.Agency("pupr", "Dinas PUPR"), new RegionDefinition.Agency("dlh", "Dinas Lingkungan Hidup")),
            List.of(new RegionDefinition.CategoryDefinition("jalan-rusak", "Jalan rusak", "Damaged road", "pupr",
                            List.of("jalan rusak", "lubang"), 14),
                    new RegionDefinition.CategoryDefinition("sampah", "Sampah", "Rubbish", "dlh", List.of("sampah"), 3)));

    private final Address reporter = new Address(Channel.SMS, "+6281234567890");

    private NewComplaint complaint(String key, String category) {
        return new NewComplaint(key, reporter, category, "Jl. Merdeka 5", "Rusak parah", Optional.empty(), List.of());
    }

    @Test
    void file_routesToCategoryAgencyWithSequentialTickets() {
        FiledComplaint first = desk.file(complaint("k1", "jalan-rusak"));
        FiledComplaint second = desk.file(complaint("k2", "sampah"));
        assertEquals(new FiledComplaint("TNG-000001", "Dinas PUPR"), first);
        assertEquals(new FiledComplaint("TNG-000002", "Dinas Lingkungan Hidup"), second);
        ComplaintView view = desk.find("tng-000001").orElseThrow();
        // Filing routes at once: RECEIVED then ASSIGNED to the category's agency, in one transaction.
        assertEquals(ComplaintStatus.ASSIGNED, view.status());
        assertEquals("Jl. Merdeka 5", view.location());
        assertEquals(clock.instant(), view.filedAt());
    }

    @Test
    void file_sameIdempotencyKey_returnsFirstTicket() {
        FiledComplaint first = desk.file(complaint("sms:SM1", "sampah"));
        FiledComplaint again = desk.file(complaint("sms:SM1", "sampah"));
        assertEquals(first, again);
        assertEquals(1, desk.latestBy(reporter, 10).size());
    }

    @Test
    void file_withPointAndPhotos_keepsThem() {
        desk.file(new NewComplaint("k", reporter, "sampah", "Pasar Anyar", "Bau", Optional.of(new GeoPoint(-6.18, 106.63)),
                List.of(new Media("https://api.twilio.com/media/ME1", "image/jpeg"))));
        String url = db.read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT url FROM complaint_media WHERE ticket = 'TNG-000001'")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertEquals("https://api.twilio.com/media/ME1", url);
    }

    @Test
    void file_ussdReporter_smsReceiptQueuedWithTheComplaint_onceAndOnlyForUssd() {
        Address ussd = new Address(Channel.USSD, "+6285711112222");
        FiledComplaint filed = desk.file(new NewComplaint("ussd:ATUid_1:9", ussd, "sampah", "Jl. Merdeka 5", "Bau",
                Optional.empty(), List.of()));
        desk.file(new NewComplaint("ussd:ATUid_1:9", ussd, "sampah", "Jl. Merdeka 5", "Bau", Optional.empty(), List.of()));
        desk.file(complaint("sms:SM1", "jalan-rusak"));
        assertEquals(List.of(new DeskFixture.Sent("sms", "+6285711112222", "Terima kasih. Laporan "
                + filed.ticket() + " diteruskan ke Dinas Lingkungan Hidup. Cek: STATUS " + filed.ticket(), "ussd-receipt", 0, null)), DeskFixture.outbox(db), "a retried filing queues nothing more");

        // A USSD duplicate's receipt says the problem is known and its updates follow.
        FiledComplaint linked = desk.file(new NewComplaint("ussd:ATUid_2:9", new Address(Channel.USSD, "+6281311112222"),
                "sampah", "jl merdeka no 5", "Bau sekali", Optional.empty(), List.of()));
        assertTrue(linked.isDuplicate());
        assertTrue(DeskFixture.outbox(db).getLast().body().startsWith("Terima kasih. Masalah ini sudah dilaporkan"),
                DeskFixture.outbox(db).getLast().body());
    }

    @Test
    void file_unknownCategory_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> desk.file(complaint("k", "nope")));
    }

    @Test
    void file_aKeyIsTheReportersOwn_theSameKeyAgainIsTheirComplaint_anotherReportersIsAnother() {
        FiledComplaint first = desk.file(complaint("sms:SM1", "sampah"));
        assertEquals(first, desk.file(complaint("sms:SM1", "sampah")), "a retry of the same message");
        Address other = new Address(Channel.SMS, "+6289999999999");
        FiledComplaint theirs = desk.file(new NewComplaint("sms:SM1", other, "sampah", "Jl. Merdeka 5", "Rusak parah",
                Optional.empty(), List.of()));
        assertNotEquals(first.ticket(), theirs.ticket());
        assertTrue(desk.queries().filedInTurn(InboundMessage.text("SM1", other, "ya", clock.instant())));
        assertFalse(desk.queries().filedInTurn(InboundMessage.text("SM1", new Address(Channel.SMS, "+6281111111111"), "ya",
                clock.instant())), "that key from a reporter who never filed with it");
    }

    @Test
    void tickets_goOnAfterARestart_fromTheTicketsFiledOrTheRegionsCounterIfHigher(TestDatabase database) {
        desk.file(complaint("k1", "sampah"));
        desk.file(complaint("k2", "jalan-rusak"));
        SqlComplaintDesk second = openDesk();
        assertEquals("TNG-000003", second.file(complaint("k3", "sampah")).ticket(), "two desks of a region share its numbers");
        assertEquals("TNG-000004", desk.file(complaint("k4", "sampah")).ticket());
        db.close();
        db = database.open(dir, 4);
        desk = openDesk();
        assertEquals("TNG-000005", desk.file(complaint("k5", "sampah")).ticket(), "after a restart");
        db.inTransaction(c -> id.kanal.store.Statements.update(c, "UPDATE region SET next_ticket = 500 WHERE code = ?",
                REGION.code()));
        db.close();
        db = database.open(dir, 4);
        desk = openDesk();
        assertEquals("TNG-000500", desk.file(complaint("k6", "sampah")).ticket(), "a region counting from 500");
    }

    @Test
    void tickets_anotherProcessFilingInTheSameDatabase_takesNoNumberTwice(TestDatabase database) {
        assertEquals("TNG-000001", desk.file(complaint("k1", "sampah")).ticket());
        try (var other = database.open(dir, 2)) { // another process: a database and desks of its own
            assertEquals("TNG-000002", SqlComplaintDesk.open(other, REGION, clock).file(complaint("k2", "sampah")).ticket());
        }
        assertEquals("TNG-000003", desk.file(complaint("k3", "sampah")).ticket());
        assertEquals("TNG-000004", desk.file(complaint("k4", "sampah")).ticket());
    }

    @Test
    void file_concurrently_ticketsUnique() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<FiledComplaint>> futures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String key = "k" + i;
            futures.add(pool.submit(() -> desk.file(complaint(key, "sampah"))));
        }
        HashSet<String> tickets = new HashSet<>();
        for (Future<FiledComplaint> f : futures) {
            tickets.add(f.get().ticket());
        }
        pool.shutdown();
        assertEquals(50, tickets.size());
    }

    @Test
    void file_sameKeyConcurrently_oneComplaintAndEveryCallerGetsItsTicket() throws Exception {
        // A provider retry (or a second server node) can file the same message while the first is
        // still committing; on PostgreSQL both transactions really run at once.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                String key = "sms:SMrace" + round;
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                List<Future<FiledComplaint>> futures = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    futures.add(pool.submit(() -> {
                        go.await();
                        return desk.file(complaint(key, "sampah"));
                    }));
                }
                go.countDown();
                HashSet<String> tickets = new HashSet<>();
                for (Future<FiledComplaint> f : futures) {
                    tickets.add(f.get().ticket());
                }
                assertEquals(1, tickets.size(), tickets.toString());
                turnCommitted(key); // as the dialog does after filing: the next round is a new complaint
            }
            assertEquals(5, desk.latestBy(reporter, 10).size());
            assertEquals("TNG-000006", desk.file(complaint("k-after", "sampah")).ticket(), "no ticket number skipped");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void reopen_keepsCounterAndAppliesChangedConfiguration() {
        desk.file(complaint("k1", "sampah"));
        RegionDefinition renamed = new RegionDefinition(REGION.code(), REGION.name(), "TNG", REGION.agencies(),
                List.of(REGION.categories().get(1), new RegionDefinition.CategoryDefinition("jalan-rusak",
                        "Jalan dan trotoar rusak", "Damaged road", "pupr", List.of("jalan"), 10)));
        SqlComplaintDesk reopened = SqlComplaintDesk.open(db, renamed, clock);
        assertEquals("sampah", reopened.categories().getFirst().code());
        assertEquals("Jalan dan trotoar rusak", reopened.categories().get(1).nameId());
        assertEquals("TNG-000002", reopened.file(complaint("k2", "jalan-rusak")).ticket());
    }

    @Test
    void latestBy_newestFirst_onlyTheReporters() {
        desk.file(complaint("k1", "sampah"));
        desk.file(complaint("k2", "jalan-rusak"));
        desk.file(new NewComplaint("k3", new Address(Channel.SMS, "+6289999999999"), "sampah", "x y z", "abc",
                Optional.empty(), List.of()));
        assertEquals(List.of("TNG-000002", "TNG-000001"),
                desk.latestBy(reporter, 5).stream().map(ComplaintView::ticket).toList());
        assertEquals(List.of("TNG-000002 routed to Dinas PUPR"), desk.latestBy(reporter, 1).stream()
                .map(v -> v.ticket() + " " + v.lastNote().orElse("")).toList(), "the newest, with its last note");
    }

    @Test
    void file_afterACrashLostTheFilingTurn_theNextConfirmationTakesTheTicketOver() {
        // "ya" (SM1) filed TNG-000001, then the process died before SM1's turn committed: no line of SM1's.
        FiledComplaint first = desk.file(complaint("sms:SM1", "sampah"));
        FiledComplaint again = desk.file(complaint("sms:SM2", "sampah"));
        assertEquals(first.ticket(), again.ticket(), "the resident's next 'ya' must not file a second complaint");
        assertTrue(desk.queries().filedInTurn(id.kanal.dialog.InboundMessage.text("SM2", reporter, "ya", clock.instant())),
                "the new turn is now the one that filed it (the USSD receipt check reads this)");
    }

    /** The reporter's turn of {@code sms:<id>} recorded by the dialog's store, as the dialog saves it after filing. */
    private void turnCommitted(String key) {
        java.time.Instant at = clock.instant();
        String id = key.substring("sms:".length());
        new SqlConversationStore(db).save(new Turn(InboundMessage.text(id, reporter, "ya", at),
                Conversation.start(reporter, at), Reply.of("ok")));
    }

    @Test
    void file_sameWordsAgainAfterTheFirstTurnCommitted_isANewComplaint() {
        FiledComplaint first = desk.file(complaint("sms:SM1", "sampah"));
        turnCommitted("sms:SM1");
        FiledComplaint second = desk.file(complaint("sms:SM2", "sampah"));
        assertNotEquals(first.ticket(), second.ticket());
    }

    @Test
    void filedBy_theReporterByAnyLinkedIdentity_andNoOneElse() {
        desk.file(complaint("k1", "sampah"));
        Address telegram = new Address(Channel.TELEGRAM, "523901877");
        assertTrue(desk.filedBy("tng-000001", reporter));
        assertTrue(desk.filedBy("TNG-000001", new Address(Channel.USSD, reporter.value())));
        assertFalse(desk.filedBy("TNG-000001", new Address(Channel.SMS, "+6289999999999")));
        assertFalse(desk.filedBy("TNG-000001", telegram));
        assertFalse(desk.filedBy("TNG-999999", reporter));
        db.inTransaction(c -> {
            id.kanal.store.TelegramChats.link(c, reporter.value(), "523901877", clock.instant());
            return null;
        });
        assertTrue(desk.filedBy("TNG-000001", telegram));
    }

    @Test
    void findFor_theComplaintAndWhetherTheAskerFiledIt_inOneAnswer() {
        desk.file(complaint("k1", "sampah"));
        Address telegram = new Address(Channel.TELEGRAM, "523901877");
        ComplaintService.Asked mine = desk.findFor("tng-000001", reporter).orElseThrow();
        assertEquals("TNG-000001", mine.view().ticket());
        assertEquals(desk.find("TNG-000001").orElseThrow(), mine.view());
        assertTrue(mine.theirs());
        assertFalse(desk.findFor("TNG-000001", new Address(Channel.SMS, "+6289999999999")).orElseThrow().theirs());
        assertFalse(desk.findFor("TNG-000001", telegram).orElseThrow().theirs());
        assertEquals(Optional.empty(), desk.findFor("TNG-999999", reporter));
        db.inTransaction(c -> {
            id.kanal.store.TelegramChats.link(c, reporter.value(), "523901877", clock.instant());
            return null;
        });
        assertTrue(desk.findFor("TNG-000001", telegram).orElseThrow().theirs(), "a linked Telegram chat");
    }

    @Test
    void latestBy_telegramUserWhoSharedTheirContact_seesTheirSmsComplaints() {
        desk.file(complaint("k1", "sampah"));
        Address telegram = new Address(Channel.TELEGRAM, "523901877");
        assertEquals(List.of(), desk.latestBy(telegram, 5));
        db.inTransaction(c -> {
            id.kanal.store.TelegramChats.link(c, reporter.value(), "523901877", clock.instant());
            return null;
        });
        assertEquals(List.of("TNG-000001"), desk.latestBy(telegram, 5).stream().map(ComplaintView::ticket).toList());
    }

    @Test
    void region_categoryWithUnknownAgency_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RegionDefinition("x", "X", "XX",
                List.of(new RegionDefinition.Agency("a", "A")),
                List.of(new RegionDefinition.CategoryDefinition("c", "C", "C", "b", List.of(), 3))));
    }
}
