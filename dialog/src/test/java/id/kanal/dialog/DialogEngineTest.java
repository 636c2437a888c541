package id.kanal.dialog;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DialogEngineTest extends EngineOnFakes {
    DialogEngineTest() {
        super(Instant.parse("2026-11-22T03:00:00Z"));
    }

    @Test
    void handle_greeting_repliesWithNumberedMenu() {
        Reply reply = send("halo");
        assertTrue(reply.text().startsWith("Halo! Layanan Kota Tangerang:"), reply.text());
        assertTrue(reply.text().contains("1 Lapor keluhan"));
        assertEquals(List.of("1", "2", "3", "4", "5", "0"), reply.options().stream().map(Reply.Option::key).toList());
    }

    @Test
    void handle_fullComplaint_filesWithTicketAndAgency() {
        send("halo");
        assertTrue(send("1").text().contains("2 Sampah"));
        assertTrue(send("2").text().contains("Tulis masalah dan lokasinya"));
        assertTrue(send("Sampah menumpuk seminggu").text().contains("Di mana lokasinya"));
        Reply summary = send("Jl Merdeka No 5, RT 02/03");
        assertTrue(summary.text().startsWith("Laporan Sampah"), summary.text());
        assertTrue(summary.text().contains("Lokasi: Jl Merdeka No 5, RT 02/03"));
        Reply filed = send("ya");
        assertTrue(filed.text().contains("TNG-000001"), filed.text());
        assertTrue(filed.text().contains("Dinas Lingkungan Hidup"));
        assertEquals(1, complaints.filed.size());
        assertEquals("sampah", complaints.filed.get(0).categoryCode());
        assertEquals("Jl Merdeka No 5, RT 02/03", complaints.filed.get(0).location());
        assertInstanceOf(State.Menu.class, state());
    }

    @Test
    void handle_firstMessageNamesCategory_asksOnlyForWhatIsMissing() {
        Reply reply = send("lapor lampu jalan mati");
        assertTrue(reply.text().contains("Keluhan Lampu jalan (PJU)"), reply.text());
        assertInstanceOf(State.AskingLocation.class, state());
    }

    @Test
    void handle_statusWithTicket_answersInIndonesian() {
        send("lapor sampah");
        send("Sampah menumpuk");
        send("Jl Merdeka 5");
        send("ya");
        Reply status = send("status tng-000001");
        assertTrue(status.text().startsWith("Laporan TNG-000001 (Sampah, Jl Merdeka 5): diterima sejak 22 Nov 2026 10:00"),
                status.text());
    }

    @Test
    void handle_statusOfSomeoneElsesTicket_answersTheStatusAlone() {
        send("lapor sampah");
        send("Sampah menumpuk");
        send("Jl Merdeka 5");
        send("ya");
        Address neighbour = new Address(Channel.SMS, "+6281299990000");
        Reply status = engine.handle(InboundMessage.text("SM-n1", neighbour, "status TNG-000001", clock.instant()));
        assertEquals("Laporan TNG-000001 (Sampah): diterima sejak 22 Nov 2026 10:00.", status.text());
        Address sameResidentOnWhatsApp = new Address(Channel.WHATSAPP, resident.value());
        Reply own = engine.handle(InboundMessage.text("SM-w1", sameResidentOnWhatsApp, "status TNG-000001", clock.instant()));
        assertTrue(own.text().contains("Jl Merdeka 5"), own.text());
    }

    @Test
    void handle_unknownTicket_saysNotFound() {
        Reply reply = send("status TNG-999999");
        assertTrue(reply.text().contains("tidak ditemukan"), reply.text());
    }

    @Test
    void handle_statusMenuOption_listsOwnLatestComplaints() {
        send("lapor sampah");
        send("Sampah menumpuk");
        send("Jl Merdeka 5");
        send("ya");
        Reply reply = send("2");
        assertTrue(reply.text().contains("TNG-000001 Sampah: diterima"), reply.text());
        assertTrue(send("TNG-000001").text().startsWith("Laporan TNG-000001"));
    }

    @Test
    void handle_batalMidComplaint_cancelsAndReturnsToMenu() {
        send("1");
        send("1");
        Reply reply = send("BATAL");
        assertTrue(reply.text().startsWith("Dibatalkan."), reply.text());
        assertInstanceOf(State.Menu.class, state());
        assertEquals(0, complaints.filed.size());
    }

    @Test
    void handle_menuMidComplaint_returnsToMenu() {
        send("1");
        Reply reply = send("menu");
        assertTrue(reply.text().contains("1 Lapor keluhan"));
        assertInstanceOf(State.Menu.class, state());
    }

    @Test
    void handle_unknownCategoryAnswer_asksAgainAndCountsMisunderstanding() {
        send("1");
        Reply reply = send("xyz");
        assertTrue(reply.text().startsWith("Balas angka kategori:"), reply.text());
        assertEquals(1, store.conversations.get(resident).misunderstandings());
        assertInstanceOf(State.ChoosingCategory.class, state());
    }

    @Test
    void handle_sameProviderIdTwice_repliesSameAndFilesOnce() {
        send("lapor sampah");
        send("Sampah menumpuk");
        send("Jl Merdeka 5");
        InboundMessage yes = InboundMessage.text("SM-retry", resident, "ya", clock.instant());
        Reply first = engine.handle(yes);
        Reply second = engine.handle(yes);
        assertEquals(first.text(), second.text());
        assertEquals(1, complaints.filed.size());
        assertEquals(4, store.turns.size());
    }

    @Test
    void handle_idleBeyondTimeout_restartsAtMenu() {
        send("1");
        clock.advance(Duration.ofMinutes(31));
        Reply reply = send("2");
        // The half-filed complaint is offered back rather than "2" read as the second category.
        assertTrue(reply.text().startsWith("Lanjutkan laporan sebelumnya?"), reply.text());
        assertInstanceOf(State.OfferingResume.class, state());
    }

    @Test
    void handle_withinTimeout_keepsState() {
        send("1");
        clock.advance(Duration.ofMinutes(29));
        assertTrue(send("2").text().startsWith("Keluhan Sampah."));
        assertInstanceOf(State.AskingDescription.class, state());
    }

    @Test
    void handle_bahasaEn_switchesLanguageAndRemembersIt() {
        assertTrue(send("BAHASA EN").text().startsWith("OK, we will reply in English"));
        assertTrue(send("menu").text().contains("1 Report a problem"));
        assertEquals(Language.EN, store.conversations.get(resident).language());
    }

    @Test
    void handle_complaintDeskDown_repliesPolitelyAndKeepsDraft() {
        send("lapor sampah");
        send("Sampah menumpuk");
        send("Jl Merdeka 5");
        complaints.down = true;
        Reply reply = send("ya");
        assertTrue(reply.text().startsWith("Maaf, layanan sedang gangguan"), reply.text());
        assertInstanceOf(State.Confirming.class, state());
        complaints.down = false;
        assertTrue(send("ya").text().contains("TNG-000001"));
    }

    @Test
    void handle_smsReplyEchoingLongEmojiText_staysGsm7WithinTwoSegments() {
        send("lapor sampah");
        send("Jl Merdeka \uD83D\uDE00 \u201Cdekat pasar\u201D " + "sangat panjang ".repeat(30));
        Reply summary = send("Sampah \uD83D\uDE21 menumpuk " + "bau sekali ".repeat(40));
        assertTrue(Gsm7.isGsm7(summary.text()), summary.text());
        assertTrue(Gsm7.segments(summary.text()) <= 2, summary.text());
    }

    @Test
    void handle_twoMessagesFromOneSenderAtOnce_runOneAtATime() throws Exception {
        int n = 40;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Reply>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String text = i % 2 == 0 ? "1" : "menu";
            futures.add(pool.submit(() -> {
                go.await();
                return send(text);
            }));
        }
        go.countDown();
        for (Future<Reply> f : futures) {
            f.get(10, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(n, store.turns.size());
        // Serialised turns: each turn starts from the state the previous one saved.
        for (int i = 1; i < n; i++) {
            State before = store.turns.get(i - 1).conversation().state();
            String text = store.turns.get(i).inbound().text();
            State after = store.turns.get(i).conversation().state();
            if (before instanceof State.Queued) {
                continue; // "1" accepted an offered agent: the bot is silent until one answers
            }
            if (text.equals("menu")) {
                assertInstanceOf(State.Menu.class, after);
            } else if (before instanceof State.Menu) {
                assertInstanceOf(State.ChoosingCategory.class, after);
            } else if (before instanceof State.ChoosingCategory) {
                assertInstanceOf(State.AskingDescription.class, after, "category 1 chosen from " + before);
            } else if (before instanceof State.AskingDescription) {
                // "1" is no description: asked again, and the second time in a row an agent is offered.
                assertTrue(after instanceof State.AskingDescription || after instanceof State.OfferingAgent,
                        "'1' as the description, from " + before + ": " + after);
            }
        }
    }
}
