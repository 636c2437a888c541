package id.kanal.dialog;

import id.kanal.dialog.port.ContentPacks;
import id.kanal.dialog.port.Intent;
import id.kanal.dialog.port.IntentClassifier;
import id.kanal.dialog.port.Pack;
import id.kanal.dialog.testing.MutableClock;
import id.kanal.dialog.testing.RecordingResidents;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** A content pack in the dialog: menu entry, search, expiry by the clock, pages that fit each channel. */
class PackFlowTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T03:00:00Z"));
    private final Fakes.Conversations store = new Fakes.Conversations();
    private final AtomicInteger ids = new AtomicInteger();
    private final Pack jobs = jobs(12);
    private final DialogEngine engine = engine(jobs);

    private static Pack jobs(int n) {
        List<Map<String, String>> items = new ArrayList<>();
        String[] kecamatan = {"Cipondoh", "Karawaci", "Batuceper", "Tangerang"};
        for (int i = 1; i <= n; i++) {
            items.add(Map.of("posisi", "Operator produksi " + i, "perusahaan", "PT Contoh Jaya " + i,
                    "kecamatan", kecamatan[i % 4], "tutup", i == 1 ? "2026-11-21" : "2026-12-31"));
        }
        items.add(Map.of("posisi", "Staf admin", "perusahaan", "CV Maju", "kecamatan", "Cipondoh", "tutup", "2026-11-22"));
        return new Pack("lowongan-kerja", Map.of(Language.ID, "Lowongan kerja", Language.EN, "Job vacancies"),
                Map.of(Language.ID, "Lowongan kerja (data contoh):", Language.EN, "Job vacancies (example data):"),
                Map.of(Language.ID, "{posisi} - {perusahaan}, Kec. {kecamatan}. Tutup {tutup}",
                        Language.EN, "{posisi} at {perusahaan}, {kecamatan}. Closes {tutup}"),
                List.of("loker", "lowongan", "kerja", "job"), List.of("posisi", "perusahaan", "kecamatan"),
                Optional.of("tutup"), items);
    }

    private DialogEngine engine(Pack pack) {
        IntentClassifier classifier = text -> Words.simplify(text).contains("loker")
                ? Intent.of(pack.intent(), 0.9) : new KeywordIntentClassifier().classify(text);
        ContentPacks packs = () -> List.of(pack);
        return new DialogEngine(DialogSettings.tangerang(), Texts.builtIn(),
                new DialogServices(store, new RecordingResidents(), classifier, new Fakes.Complaints(clock),
                        new Fakes.Prices(clock), new Fakes.Schedules(), packs), clock);
    }

    private Reply send(Address from, String text) {
        return engine.handle(InboundMessage.text("M" + ids.incrementAndGet(), from, text, clock.instant()));
    }

    private static final Address SMS = new Address(Channel.SMS, "+6281234567890");
    private static final Address USSD = new Address(Channel.USSD, "+6281234567891");

    @Test
    void menu_oneEntryForThePacks_inOneSegment_thenEachPackByNumber() {
        Reply menu = send(SMS, "halo");
        assertTrue(menu.text().contains("5 Petugas  6 Info  0 English"), menu.text());
        assertEquals(1, Gsm7.segments(menu.text()), menu.text());
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "0"), menu.options().stream().map(Reply.Option::key).toList());
        Reply packs = send(SMS, "6");
        assertTrue(packs.text().startsWith("Info Kota Tangerang:\n1 Lowongan kerja\n"), packs.text());
        Reply list = send(SMS, "1");
        assertTrue(list.text().startsWith("Lowongan kerja (data contoh):\nOperator produksi 2 - PT Contoh Jaya 2"), list.text());
    }

    @Test
    void sms_pagesWithinTwoSegments_LAGIandMOREgiveTheRest_everyItemOnce_expiredNever() {
        List<String> pages = new ArrayList<>();
        send(SMS, "6");
        pages.add(send(SMS, "1").text());
        while (pages.getLast().endsWith("Balas LAGI untuk berikutnya.")) {
            pages.add(send(SMS, pages.size() % 2 == 0 ? "LAGI" : "more").text());
        }
        assertTrue(pages.size() >= 3, pages.toString());
        String all = String.join("\n", pages);
        for (String page : pages) {
            assertTrue(Gsm7.isGsm7(page) && Gsm7.septets(page) <= Gsm7.TWO_SEGMENTS, page);
        }
        for (int i = 2; i <= 12; i++) {
            assertEquals(1, all.split("Operator produksi " + i + " ", -1).length - 1, "item " + i + " once: " + all);
        }
        assertFalse(all.contains("Operator produksi 1 "), "closed yesterday: " + all);
        assertTrue(all.contains("Staf admin"), "closes today, still open");
        assertInstanceOf(State.Menu.class, store.conversations.get(SMS).state());
    }

    @Test
    void ussd_pagesFitOneScreen_99givesTheNext() {
        send(USSD, "6");
        Reply first = send(USSD, "1");
        assertTrue(Gsm7.septets(first.text()) <= PackFlow.USSD_SCREEN, first.text());
        assertTrue(first.text().endsWith("\n99 Lagi"), first.text());
        Reply second = send(USSD, "99");
        assertTrue(Gsm7.septets(second.text()) <= PackFlow.USSD_SCREEN, second.text());
        assertFalse(second.text().contains("(data contoh)"));
        assertTrue(second.text().startsWith("Operator produksi"), second.text());
    }

    @Test
    void search_byKecamatan_onlyThatKecamatan() {
        String reply = send(SMS, "ada loker di cipondoh?").text();
        assertTrue(reply.startsWith("Lowongan kerja (data contoh):"), reply);
        for (String line : reply.split("\n")) {
            if (line.contains(" - ")) {
                assertTrue(line.contains("Kec. Cipondoh"), line);
            }
        }
        assertTrue(reply.contains("Staf admin"), reply);
    }


    @Test
    void expiry_followsTheClock_nextDayTheItemIsGone() {
        assertTrue(send(SMS, "loker admin").text().contains("Staf admin"));
        clock.advance(java.time.Duration.ofDays(1));
        assertFalse(send(SMS, "loker admin").text().contains("Staf admin"));
    }

    /** Messages in turn, and how the reply to the last one begins. */
    static Stream<Arguments> conversations() {
        return Stream.of(
                arguments("a keyword while reading refines in the pack", List.of("loker", "admin"),
                        "Lowongan kerja (data contoh):\nStaf admin - CV Maju"),
                arguments("an English plural finds the singular", List.of("loker operators"),
                        "Lowongan kerja (data contoh):\nOperator produksi"),
                arguments("nothing matches: says so, then lists all", List.of("loker pilot"),
                        "Tidak ada yang cocok dengan \"pilot\". Semua:\nLowongan kerja"),
                arguments("choosing a category, then asking for the pack, is a change of mind", List.of("1", "ada loker gak"),
                        "Lowongan kerja (data contoh):"),
                arguments("reading, then something else, is read at the menu", List.of("loker", "harga beras"), "Harga"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conversations")
    void conversation_lastReplyBegins(String what, List<String> messages, String begins) {
        String reply = "";
        for (String m : messages) {
            reply = send(SMS, m).text();
        }
        assertTrue(reply.startsWith(begins), reply);
    }
}
