package id.kanal.app;

import id.kanal.dialog.Gsm7;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18's content packs end to end: the region file's four example packs stored at the first
 * start, answered over Twilio-signed SMS (two GSM-7 segments a reply, LAGI/MORE for the rest) and the
 * USSD route (182 characters a screen, 99 for the next page). The clock stands on 2 Dec 2026, so two
 * example vacancies (closing 15 and 30 Nov) have expired.
 */
class PacksEndToEndTest extends KanalOnServer {
    private static final String RESIDENT = "+6281234567890";

    PacksEndToEndTest() {
        super(Instant.parse("2026-12-02T03:00:00Z"), USSD_FROM_LOOPBACK);
    }

    private String sms(String text) throws Exception {
        String reply = KanalHarness.replyText(sms(RESIDENT, text));
        assertTrue(Gsm7.isGsm7(reply) && Gsm7.septets(reply) <= Gsm7.TWO_SEGMENTS, reply);
        return reply;
    }

    private String ussd(String session, String text) throws Exception {
        // One phone per session: a new session from a phone whose list is still open is offered the old screen back.
        String phone = "+62812987654" + String.format("%02d", Math.abs(session.hashCode()) % 100);
        HttpResponse<String> res = kanal.ussd(session, phone, text);
        assertEquals(200, res.statusCode(), res.body());
        String screen = res.body();
        assertTrue(Gsm7.isGsm7(screen) && Gsm7.septets(screen) <= 182, screen);
        return screen;
    }

    /** Every page of an SMS answer: the first, then LAGI (or MORE) while the page says more follow. */
    private List<String> allPages(String first) throws Exception {
        List<String> pages = new ArrayList<>(List.of(first));
        while (pages.getLast().endsWith("Balas LAGI untuk berikutnya.") || pages.getLast().endsWith("Reply MORE for the next ones.")) {
            pages.add(sms(pages.size() % 2 == 1 ? "LAGI" : "more"));
        }
        return pages;
    }

    @Test
    void sms_menuHasOneEntryForThePacks_andItListsTheFourInOrder() throws Exception {
        String menu = sms("halo");
        assertTrue(menu.contains("6 Info"), menu);
        assertEquals(1, Gsm7.segments(menu), menu);
        assertEquals("Info Kota Tangerang:\n1 Lowongan kerja\n2 Wisata\n3 Perizinan\n4 Nomor penting\n"
                + "Balas angka atau tulis pertanyaan Anda.", sms("6"));
    }

    @Test
    void sms_jobs_pagedWithLagi_everyOpenVacancyOnce_expiredNever() throws Exception {
        sms("6");
        List<String> pages = allPages(sms("1"));
        assertTrue(pages.getFirst().startsWith("Lowongan kerja (data contoh):\n"), pages.getFirst());
        assertTrue(pages.size() >= 3, pages.toString());
        String all = String.join("\n", pages);
        assertEquals(14, all.lines().filter(l -> l.contains(" - PT ") || l.contains(" - CV ") || l.contains(" - Rumah")
                || l.contains(" - Klinik") || l.contains(" - Toko")).count(), all);
        assertFalse(all.contains("Teknisi listrik"), "closed 30 Nov: " + all);
        assertFalse(all.contains("Juru masak"), "closed 15 Nov: " + all);
        assertTrue(all.contains("Staf admin - CV Contoh Berkas Rapi, Kec. Cipondoh. Tutup 2027-01-05"), all);
    }

    @Test
    void sms_jobs_byKecamatanAndByKeyword() throws Exception {
        String cipondoh = sms("ada loker di cipondoh?");
        assertTrue(cipondoh.startsWith("Lowongan kerja (data contoh):\n"), cipondoh);
        List<String> lines = cipondoh.lines().skip(1).toList();
        assertEquals(2, lines.size(), cipondoh);
        assertTrue(lines.stream().allMatch(l -> l.contains("Kec. Cipondoh")), cipondoh);
        String forklift = sms("lowongan operator forklift");
        assertTrue(forklift.startsWith("Lowongan kerja (data contoh):\nOperator forklift - PT Contoh Gudang Besar"), forklift);
    }

    @Test
    void sms_permits_syaratIzinUsaha_answersTheRequirements() throws Exception {
        String reply = sms("syarat izin usaha");
        assertTrue(reply.startsWith("Perizinan (data contoh):\nIzin usaha (NIB): syarat KTP, NPWP, alamat usaha"), reply);
    }

    @Test
    void sms_tourism_descriptionHoursAndAddress() throws Exception {
        sms("6");
        List<String> pages = allPages(sms("2"));
        String all = String.join("\n", pages);
        assertTrue(all.startsWith("Wisata Kota Tangerang (data contoh):\n"), all);
        assertTrue(all.contains("Museum Benteng Heritage: Museum budaya Tionghoa Peranakan di rumah tua Pasar Lama. "
                + "Buka Selasa-Minggu 10:00-17:00. Jl. Cilame, Pasar Lama"), all);
        assertTrue(all.contains("Situ Cipondoh"), all);
    }

    @Test
    void sms_importantNumbers_withWhatEachIsFor() throws Exception {
        sms("6");
        String all = String.join("\n", allPages(sms("4")));
        for (String line : List.of("Call center darurat 112: semua keadaan darurat", "Polisi 110: kejahatan",
                "Pemadam kebakaran 113: kebakaran", "Ambulans 118:", "PLN 123: listrik padam", "PDAM Tirta Benteng")) {
            assertTrue(all.contains(line), line + " in " + all);
        }
    }

    @Test
    void sms_inEnglish_englishWordingAndMore() throws Exception {
        sms("BAHASA EN");
        List<String> pages = allPages(sms("any job vacancies in tangerang?"));
        assertTrue(pages.getFirst().startsWith("Job vacancies (example data):\n"), pages.getFirst());
        assertTrue(String.join("\n", pages).contains("Closes 2027-"), pages.toString());
        assertTrue(pages.size() >= 2, pages.toString());
        String parks = sms("which parks can we visit with children?");
        assertTrue(parks.startsWith("Places to visit (example data):\nTaman Potret: A free city park"), parks);
    }

    @Test
    void ussd_everyPack_screensWithin182_99forTheNextPage() throws Exception {
        assertTrue(ussd("AT1", "").startsWith("CON "));
        String packs = ussd("AT1", "6");
        assertTrue(packs.startsWith("CON Info Kota Tangerang:\n1 Lowongan kerja"), packs);
        String text = "6*1";
        String screen = ussd("AT1", text);
        assertTrue(screen.startsWith("CON Lowongan kerja (data contoh):\n"), screen);
        List<String> screens = new ArrayList<>(List.of(screen));
        while (screen.endsWith("\n99 Lagi")) {
            text += "*99";
            screen = ussd("AT1", text);
            screens.add(screen);
        }
        String all = String.join("\n", screens);
        assertTrue(screens.size() >= 4, all);
        assertFalse(all.contains("Juru masak"), all);
        assertTrue(all.contains("Pramuniaga"), all);
        // A long item (a place with its description) goes over two screens (98), never cut.
        String wisata = "6*2";
        ussd("AT5", "");
        ussd("AT5", "6");
        List<String> places = new ArrayList<>(List.of(ussd("AT5", wisata)));
        while (places.getLast().endsWith("\n98 Lanjut") || places.getLast().endsWith("\n99 Lagi")) {
            wisata += places.getLast().endsWith("\n98 Lanjut") ? "*98" : "*99";
            places.add(ussd("AT5", wisata));
        }
        String allPlaces = String.join("\n", places).replace("\n98 Lanjut\nCON ", " ");
        assertTrue(allPlaces.contains("Buka setiap hari 24 jam. Jl. Satria-Sudirman, Sukaasih"), allPlaces);
        assertTrue(allPlaces.contains("Tepian Sungai Cisadane"), allPlaces);
        String[] expected = {"CON Wisata Kota Tangerang (data contoh):\n", "CON Perizinan (data contoh):\n",
                "CON Nomor penting (data contoh):\n"};
        for (int pack = 2; pack <= 4; pack++) {
            String session = "AT" + pack;
            ussd(session, "");
            ussd(session, "6");
            String first = ussd(session, "6*" + pack);
            assertTrue(first.startsWith(expected[pack - 2]), first);
        }
    }
}
