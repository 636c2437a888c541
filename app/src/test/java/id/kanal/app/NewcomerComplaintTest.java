package id.kanal.app;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The newcomer trial's complaint, over SMS with the real classifier: the address sent alone is
 * the place and the problem is asked for; what follows the summary is part of the complaint.
 */
class NewcomerComplaintTest extends KanalOnServer {
    @Test
    void addressFirst_problemAsked_summaryHasBoth_wordsAtTheSummaryKept() throws Exception {
        String resident = "+6281200000301";
        say(resident, "halo");
        say(resident, "1");
        assertTrue(say(resident, "1").contains("Tulis masalah dan lokasinya"));
        assertEquals("Ceritakan masalahnya secara singkat.", say(resident, "Jl. Merdeka 12, RT 03/05"));
        String summary = say(resident, "Jalan berlubang besar");
        assertTrue(summary.contains("Lokasi: Jl. Merdeka 12, RT 03/05\nKeluhan: Jalan berlubang besar\n"), summary);
        String again = say(resident, "sudah 2 motor jatuh");
        assertTrue(again.contains("Keluhan: Jalan berlubang besar. sudah 2 motor jatuh\n"), again);
        assertTrue(say(resident, "ya").matches("(?s).*TNG-\\d{6}.*"));
    }

    private String say(String resident, String text) throws Exception {
        return KanalHarness.replyText(sms(resident, text));
    }
}
