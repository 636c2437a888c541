package id.kanal.dialog;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every text Kanal can say fits SMS: GSM-7 only, two segments at most, with the longest values filled in. */
class TextsTest {
    private static final Map<String, String> WORST_CASE = new HashMap<>();

    static {
        String echo = "x".repeat(Replies.ECHO_MAX);
        WORST_CASE.put("region", "Kabupaten Tangerang Selatan");
        WORST_CASE.put("ticket", "TNGXX-000123");
        WORST_CASE.put("agency", "Perumda Tirta Benteng Kota Tangerang");
        WORST_CASE.put("category", "Pelayanan publik");
        WORST_CASE.put("location", echo);
        WORST_CASE.put("description", echo);
        WORST_CASE.put("status", "diteruskan ke dinas");
        WORST_CASE.put("check", " (wrong? reply with the place)");
        WORST_CASE.put("date", "30 Des 2026 23:59");
        WORST_CASE.put("example", "TNGXX-000123");
        WORST_CASE.put("choices", String.join("\n", Fakes.CATEGORIES.stream().map(c -> "10 " + c.nameId()).toList())
                + "\n4 Banjir/drainase\n5 Air bersih\n6 Ketertiban\n7 Kesehatan\n8 Pendidikan\n9 Pelayanan publik\n10 Lainnya");
        WORST_CASE.put("list", "1 TNGXX-000123 Pelayanan publik: diteruskan ke dinas\n".repeat(3).strip());
        WORST_CASE.put("hours", "Senin-Jumat 08:00-16:00");
        WORST_CASE.put("when", "Senin 30 Des 2026 08:00");
        WORST_CASE.put("commodity", "x".repeat(Replies.ECHO_MAX));
        WORST_CASE.put("market", "Pasar Baru Kota Tangerang");
        WORST_CASE.put("price", "1.250.000");
        WORST_CASE.put("unit", "liter");
        WORST_CASE.put("change", "Turun Rp125.000 dari seminggu lalu.");
        WORST_CASE.put("low", "1.250.000");
        WORST_CASE.put("high", "1.250.000");
        WORST_CASE.put("lowmarket", "Pasar Baru Kota Tangerang");
        WORST_CASE.put("highmarket", "Pasar Baru Kota Tangerang");
        WORST_CASE.put("amount", "125.000");
        WORST_CASE.put("name", "x".repeat(Replies.ECHO_MAX));
        WORST_CASE.put("from", "Stasiun Tanah Tinggi Kota Tangerang");
        WORST_CASE.put("to", " ke Stasiun Rawa Buaya Jakarta Barat");
        WORST_CASE.put("time", "23:59");
        WORST_CASE.put("arrival", "23:59");
        WORST_CASE.put("line", "Commuter Line Tangerang");
        WORST_CASE.put("headsign", "Duri via Grogol");
        WORST_CASE.put("what", "Keberangkatan");
        WORST_CASE.put("departure", "23:59 Commuter Line Tangerang arah Duri via Grogol, tiba 23:59");
        WORST_CASE.put("day", "Kamis 31/12");
        WORST_CASE.put("first", "23:59");
        WORST_CASE.put("weekday", "Wednesday");
        WORST_CASE.put("words", "x".repeat(30));
        WORST_CASE.put("subject", "Panunggangan Barat Kota Tangerang");
        WORST_CASE.put("kelurahan", "Panunggangan Barat Kota Tangerang");
        WORST_CASE.put("topic", "Info banjir/wilayah");
        WORST_CASE.put("rating", "5");
        WORST_CASE.put("before", "1.250.000");
        WORST_CASE.put("percent", "100");
        WORST_CASE.put("direction", "turun");
        WORST_CASE.put("packs", "  6 Info");
        WORST_CASE.put("query", "x".repeat(40));
        WORST_CASE.put("pack", "Lowongan kerja");
    }

    @Test
    void everyText_inEveryLanguage_isGsm7WithinTwoSegments() {
        Texts texts = Texts.builtIn();
        for (Language language : Language.values()) {
            assertTrue(texts.keys(language).size() > 20);
            for (String key : texts.keys(language)) {
                String text = texts.get(language, key, WORST_CASE);
                assertTrue(Gsm7.isGsm7(text), language + " " + key + " is not GSM-7: " + text);
                assertTrue(Gsm7.septets(text) <= Gsm7.TWO_SEGMENTS,
                        language + " " + key + " takes " + Gsm7.septets(text) + " septets");
            }
        }
    }

    /** Issue 14: the texts of filing a complaint are one SMS segment each (the summary is fitted at run time). */
    @Test
    void complaintTexts_inEveryLanguage_fitOneSegment() {
        Texts texts = Texts.builtIn();
        Map<String, String> values = new HashMap<>(WORST_CASE);
        values.put("region", "Kota Tangerang Selatan");
        values.put("ticket", "TNGXX-000123");
        values.put("agency", "Dinas Perumahan, Permukiman dan Pertanahan");
        values.put("category", "Lampu jalan (PJU)");
        for (Language language : Language.values()) {
            for (String key : List.of("menu", "menu.greeting", "complaint.describe", "complaint.location",
                    "complaint.description", "complaint.filed")) {
                String text = texts.get(language, key, values);
                assertTrue(Gsm7.segments(text) == 1, language + " " + key + " takes " + Gsm7.septets(text) + " septets");
            }
        }
    }

    @Test
    void bothLanguages_haveTheSameKeysAndPlaceholders() {
        Texts texts = Texts.builtIn();
        assertEquals(texts.keys(Language.ID), texts.keys(Language.EN));
        for (String key : texts.keys(Language.ID)) {
            assertEquals(texts.placeholders(Language.ID, key), texts.placeholders(Language.EN, key), key);
        }
    }

    @Test
    void gsm7_segments_countsBothAlphabets() {
        assertEquals(1, Gsm7.segments("a".repeat(160)));
        assertEquals(2, Gsm7.segments("a".repeat(161)));
        assertEquals(2, Gsm7.segments("a".repeat(306)));
        assertEquals(3, Gsm7.segments("a".repeat(307)));
        assertEquals(2, Gsm7.segments("€".repeat(81)));
        assertEquals(1, Gsm7.segments("\u201C".repeat(70)));
        assertEquals(2, Gsm7.segments("\u201C".repeat(71)));
    }

    @Test
    void gsm7_sanitize_keepsMeaningDropsEmoji() {
        assertEquals("\"Jl. Merdeka\" - it's ok... ", Gsm7.sanitize("\u201CJl. Merdeka\u201D \u2013 it\u2019s ok\u2026 \uD83D\uDE00"));
        assertEquals("Cafe", Gsm7.sanitize("Caf\u00EA"));
    }
}
