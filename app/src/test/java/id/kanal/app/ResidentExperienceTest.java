package id.kanal.app;

import id.kanal.dialog.Gsm7;
import id.kanal.services.ServicesBenchmark;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, as a resident sees it. What filing a complaint costs over SMS: the segments of every
 * Kanal reply from the first message to the receipt, through the menu and from one free-text
 * message (at most 6, the receipt one), the resident answering whatever is asked. And demo data
 * never beside real data: after the real KRL feed no choice reads the same as another.
 */
class ResidentExperienceTest extends KanalOnServer {
    private static final int MAX_SEGMENTS = 6;
    private static final String PLACE = "Jl. Merdeka No. 12 RT 03/05 Sukasari";
    private static final String PROBLEM = "Jalan berlubang besar, sudah 2 motor jatuh";

    @Test
    void throughTheMenu_atMostSixSegments() throws Exception {
        assertFiledWithin("+6281200000001", "menu", true, "halo", "1", "1");
    }

    @Test
    void throughTheMenu_problemWithoutItsPlace_placeAskedStillAtMostSix() throws Exception {
        assertFiledWithin("+6281200000007", "menu, place asked", false, "halo", "1", "1");
    }

    @Test
    void fromOneFreeTextMessage_atMostSixSegments() throws Exception {
        assertFiledWithin("+6281200000002", "free text", true, "sampah numpuk di pasar lama udah seminggu");
        assertFiledWithin("+6281200000003", "free text", true, "jalan berlubang di jl. imam bonjol dekat halte cikokol, bahaya buat motor");
        assertFiledWithin("+6281200000004", "free text", true, "lampu pju mati sejak 3 hari di perumahan poris indah blok C");
        assertFiledWithin("+6281200000005", "free text", true, "air pdam ga ngalir dr kmrn di kel. sukasari");
        assertFiledWithin("+6281200000006", "free text", true, "mau lapor lampu jalan mati");
    }

    /** The four messages: told once, summarised at once, the place without its time words. */
    @Test
    void oneMessageComplaints_summaryAtOnceWithThePlace() throws Exception {
        Map<String, String> placeOf = new LinkedHashMap<>();
        placeOf.put("sampah numpuk di pasar lama udah seminggu", "Lokasi: Pasar Lama\n");
        placeOf.put("jalan berlubang di jl. imam bonjol dekat halte cikokol, bahaya buat motor",
                "Lokasi: jl. imam bonjol dekat halte cikokol\n");
        placeOf.put("lampu pju mati sejak 3 hari di perumahan poris indah blok C", "Lokasi: perumahan poris indah blok C\n");
        placeOf.put("air pdam ga ngalir dr kmrn di kel. sukasari", "Lokasi: kel. sukasari\n");
        int n = 10;
        for (var e : placeOf.entrySet()) {
            String summary = say("+62812000000" + n++, e.getKey());
            assertTrue(summary.startsWith("Laporan ") && summary.contains(e.getValue()), summary);
            assertTrue(summary.contains("Keluhan: " + e.getKey().substring(0, 20)), summary);
        }
    }

    /** A place Kanal only guessed is shown for correction, and one reply corrects it. */
    @Test
    void guessedPlace_shownInTheSummary_correctedWithOneReply() throws Exception {
        String resident = "+6281200000020";
        String summary = say(resident, "banjir di ciledug sejak subuh");
        assertTrue(summary.contains("Lokasi: ciledug (salah? balas lokasinya)\n"), summary);
        String corrected = say(resident, "Jl. HOS Cokroaminoto 12 RT 02 Ciledug");
        assertTrue(corrected.contains("Lokasi: Jl. HOS Cokroaminoto 12 RT 02 Ciledug\n"), corrected);
        assertFalse(corrected.contains("salah?"), corrected);
        assertTrue(say(resident, "ya").matches("(?s).*TNG-\\d{6}.*"));
    }

    /** Sends the opening messages, then answers each question until the receipt; counts what Kanal sent. */
    private void assertFiledWithin(String resident, String path, boolean placeWithProblem, String... opening) throws Exception {
        List<String> replies = new ArrayList<>();
        for (String text : opening) {
            replies.add(say(resident, text));
        }
        for (int turn = 0; turn < 6 && !replies.getLast().matches("(?s).*TNG-\\d{6}.*"); turn++) {
            replies.add(say(resident, answer(replies.getLast(), placeWithProblem)));
        }
        String receipt = replies.getLast();
        assertTrue(receipt.matches("(?s).*TNG-\\d{6}.*"), "not filed: " + replies);
        int segments = replies.stream().mapToInt(Gsm7::segments).sum();
        int longest = replies.stream().mapToInt(String::length).max().orElse(0);
        System.out.printf("segments %s: %d in %d replies, longest reply %d chars, opening '%s'%n", path, segments,
                replies.size(), longest, String.join(" | ", opening));
        assertEquals(1, Gsm7.segments(receipt), receipt);
        assertTrue(segments <= MAX_SEGMENTS, path + ": " + segments + " segments in " + replies);
    }

    /** What a resident answers to a question: the confirmation, a category, the place or the problem. */
    private static String answer(String question, boolean placeWithProblem) {
        String q = question.toLowerCase(Locale.ROOT);
        if (q.contains("balas ya")) {
            return "ya";
        }
        if (q.contains("kategori")) {
            return "1";
        }
        if (q.contains("lokasi") && !q.contains("masalah")) {
            return PLACE;
        }
        if (q.contains("masalah") && q.contains("lokasi")) {
            return placeWithProblem ? PROBLEM + " di " + PLACE : PROBLEM;
        }
        return PROBLEM;
    }

    private String say(String resident, String text) throws Exception {
        return KanalHarness.replyText(sms(resident, text));
    }

    /** On a fresh data directory the demo timetable is seeded, then the real feed imported (as import-gtfs does). */
    @Test
    void realFeedAfterDemo_stationTangerang_neverTwoChoicesThatReadTheSame() throws Exception {
        Optional<Path> shared = ServicesBenchmark.findSharedData(Path.of("").toAbsolutePath());
        Assumptions.assumeTrue(shared.isPresent() && shared.get().resolve("gtfs/krl-commuterline").toFile().exists(),
                "shared/data/gtfs/krl-commuterline not found: skipping");
        kanal.kanal().gtfsImporter().importPath(shared.get().resolve("gtfs/krl-commuterline"), n -> { });

        HttpResponse<String> res = kanal.sms("SM-krl-1", "+6281299990000", "jadwal kereta dari stasiun tangerang ke grogol");
        String reply = KanalHarness.replyText(res);
        List<String> choices = Arrays.stream(reply.split("\n")).filter(l -> l.matches("\\d+ .*"))
                .map(l -> l.substring(l.indexOf(' ') + 1)).toList();
        assertEquals(choices.stream().distinct().toList(), choices, reply);
        assertFalse(reply.contains("Ada beberapa yang cocok:\n1 Tangerang (TNG)\n2 Tangerang (TNG)"), reply);
        System.out.println("after the real feed: " + reply.replace("\n", " | "));
    }
}
