package id.kanal.app;

import id.kanal.store.testing.TestDatabase;
import id.kanal.store.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The foundation's "done when": a Twilio-signed SMS conversation files a complaint, end to end. */
@ExtendWith(TestDatabases.class)
class SmsEndToEndTest {
    private static final String RESIDENT = "+6281234567890";
    private static final Pattern TICKET = Pattern.compile("TNG-\\d{6}");

    @TempDir
    Path dataDir;
    private KanalHarness kanal;
    private final AtomicInteger sids = new AtomicInteger();

    @BeforeEach
    void start(TestDatabase database) {
        kanal = new KanalHarness(dataDir, Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC), database.env());
    }

    @AfterEach
    void stop() {
        kanal.close();
    }

    private String say(String text) throws Exception {
        HttpResponse<String> res = kanal.sms("SM" + sids.incrementAndGet(), RESIDENT, text);
        assertEquals(200, res.statusCode(), res.body());
        return KanalHarness.replyText(res);
    }

    @Test
    void conversation_halloToYa_filesComplaintAndStatusAnswersInIndonesian() throws Exception {
        String ticket = KanalHarness.fileRoadComplaintThroughTheMenus(this::say);

        String status = say("status " + ticket);
        assertTrue(status.startsWith("Laporan " + ticket + " (Jalan rusak, Jl. Merdeka No. 12"), status);
        // Filing routes the complaint to its agency at once (RECEIVED, then ASSIGNED in the same transaction).
        assertTrue(status.contains("diteruskan ke dinas sejak 22 Nov 2026 10:00"), status);
    }

    @Test
    void retry_sameMessageSid_sameReplyAndOneComplaint() throws Exception {
        say("lapor sampah");
        say("Jl. Merdeka 5");
        say("Sampah tidak diangkut seminggu");
        HttpResponse<String> first = kanal.sms("SM-retry", RESIDENT, "ya");
        HttpResponse<String> second = kanal.sms("SM-retry", RESIDENT, "ya");
        assertEquals(first.body(), second.body());
        assertEquals(1, kanal.kanal().complaints().latestBy(new id.kanal.dialog.Address(
                id.kanal.dialog.Channel.SMS, RESIDENT), 10).size());
    }

    @Test
    void retry_midFlow_sameReplyAndTheConversationDoesNotMove() throws Exception {
        say("lapor sampah");
        HttpResponse<String> first = kanal.sms("SM-location", RESIDENT, "Jl. Merdeka 5");
        assertTrue(KanalHarness.replyText(first).contains("Ceritakan"), first.body());
        // Twilio retries the location: had it run again, the location would become the description.
        HttpResponse<String> retry = kanal.sms("SM-location", RESIDENT, "Jl. Merdeka 5");
        assertEquals(first.body(), retry.body());
        String summary = say("Sampah tidak diangkut seminggu");
        assertTrue(summary.contains("Lokasi: Jl. Merdeka 5"), summary);
        assertTrue(summary.contains("Keluhan: Sampah tidak diangkut seminggu"), summary);
    }

    @Test
    void restart_midConversation_conversationGoesOnAndComplaintIsThere() throws Exception {
        say("lapor banjir");
        say("Perumahan Poris Indah blok C");
        kanal.restart();
        assertTrue(say("Air setinggi lutut sejak pagi").contains("Balas YA"));
        Matcher m = TICKET.matcher(say("ya"));
        assertTrue(m.find());
        kanal.restart();
        assertTrue(say("status " + m.group()).contains("Banjir/drainase"));
    }

    @Test
    void ticketCodes_neverReusedAcrossRestarts() throws Exception {
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            say("lapor sampah");
            say("Jl. Merdeka " + i);
            say("Sampah menumpuk di depan rumah");
            Matcher m = TICKET.matcher(say("ya"));
            assertTrue(m.find());
            tickets.add(m.group());
            kanal.restart();
        }
        assertEquals(List.of("TNG-000001", "TNG-000002"), tickets);
    }

    @Test
    void twoMessagesAtOnce_fromOneSender_bothAnsweredInOrder() throws Exception {
        say("lapor sampah");
        CompletableFuture<HttpResponse<String>> a = CompletableFuture.supplyAsync(() -> send("SM-a", "Jl. Merdeka 7"));
        CompletableFuture<HttpResponse<String>> b = CompletableFuture.supplyAsync(() -> send("SM-b", "Jl. Merdeka 7"));
        List<String> replies = List.of(KanalHarness.replyText(a.join()), KanalHarness.replyText(b.join()));
        // One of them gave the location, the other the description: whichever ran first.
        assertEquals(1, replies.stream().filter(r -> r.contains("Ceritakan")).count(), replies.toString());
        assertEquals(1, replies.stream().filter(r -> r.contains("Balas YA")).count(), replies.toString());
    }

    @Test
    void freeText_smsSpeak_reachesTheRightFlowWithEntitiesFilled() throws Exception {
        assertTrue(say("hrg cabe rawit di pasar anyar brp").startsWith("Harga cabai rawit di Pasar Anyar: Rp"));
        assertTrue(say("kereta dari tangerang ke duri jam brp").startsWith("Keberangkatan dari Tangerang ke Duri:"));
        assertTrue(say("mau lapor lampu jalan mati").startsWith("Keluhan Lampu jalan (PJU). Di mana lokasinya?"));
    }

    /** Sunday 10:00 on the demo feed: the last train, "poris" resolved by its connection, a weekday-only bus. */
    @Test
    void timetable_lastTrain_connectedPair_noLine_andNextServiceDay() throws Exception {
        String last = say("kereta terakhir dari Tangerang ke Duri jam berapa?");
        assertTrue(last.startsWith("Kereta terakhir dari Tangerang ke Duri hari ini:\n23:55 "), last);
        String bus = say("bus dari poris ke cikokol");
        assertTrue(bus.startsWith("Keberangkatan dari Terminal Poris Plawad ke Halte Cikokol:\n10:"), bus);
        String train = say("kereta dari poris ke cikokol");
        assertTrue(train.startsWith("Tidak ada jalur langsung dari Poris ke Halte Cikokol."), train);
        // K2 (to Cadas Kukun) runs Monday to Friday only.
        assertEquals("Tidak ada keberangkatan lagi dari Terminal Poris Plawad ke Halte Cadas Kukun hari ini; besok pertama 05:00.",
                say("bus dari poris plawad ke cadas kukun"));
    }

    @Test
    void firstStart_seedsKotaTangerang_categoriesRoutedAsTheFoundationAsks() throws Exception {
        Map<String, String> routed = new LinkedHashMap<>();
        kanal.kanal().complaints().categories().forEach(c -> routed.put(c.nameId(), c.agencyName()));
        assertEquals(Map.of(
                "Jalan rusak", "Dinas PUPR",
                "Banjir/drainase", "Dinas PUPR",
                "Sampah", "Dinas Lingkungan Hidup",
                "Lampu jalan (PJU)", "Dinas Perhubungan",
                "Air bersih", "Perumda Tirta Benteng",
                "Ketertiban", "Satpol PP",
                "Kesehatan", "Dinas Kesehatan",
                "Pendidikan", "Dinas Pendidikan",
                "Pelayanan publik", "Inspektorat",
                "Lainnya", "Diskominfo"), routed);
        assertTrue(say("halo").contains("Layanan Kota Tangerang"));
    }

    @Test
    void health_answers200WhileDatabaseAnswers() throws Exception {
        HttpResponse<String> res = kanal.get("/observe/health");
        assertEquals(200, res.statusCode(), res.body());
        assertTrue(res.body().contains("\"status\":\"UP\""), res.body());
    }

    private HttpResponse<String> send(String sid, String text) {
        try {
            return kanal.sms(sid, RESIDENT, text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
