package id.kanal.dialog;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A newcomer's complaint told the other way round: asked for "the problem and its place", the
 * address comes first and the problem after; and words sent at the summary are part of the
 * complaint, never dropped for "Balas YA".
 */
class ComplaintPlaceFirstTest extends EngineOnFakes {
    ComplaintPlaceFirstTest() {
        super(Instant.parse("2026-11-22T03:00:00Z"));
    }

    @Test
    void addressAlone_keptAsThePlace_problemAskedThenFiledWithBoth() {
        send("halo");
        send("1");
        assertTrue(send("1").text().contains("Tulis masalah dan lokasinya"));
        Reply asked = send("Jl. Merdeka 12, RT 03/05");
        assertEquals("Ceritakan masalahnya secara singkat.", asked.text());
        Reply summary = send("Jalan berlubang besar");
        assertTrue(summary.text().contains("Lokasi: Jl. Merdeka 12, RT 03/05\n"), summary.text());
        assertTrue(summary.text().contains("Keluhan: Jalan berlubang besar\n"), summary.text());
        assertTrue(send("ya").text().contains("TNG-000001"));
        assertEquals("Jl. Merdeka 12, RT 03/05", complaints.filed.get(0).location());
        assertEquals("Jalan berlubang besar", complaints.filed.get(0).description());
    }

    @Test
    void moreWordsAtTheSummary_addedToTheProblem_newSummary() {
        send("halo");
        send("1");
        send("1");
        send("Jalan berlubang di Jl Merdeka No 5 RT 02");
        Reply summary = send("sudah 2 motor jatuh");
        assertTrue(summary.text().contains("sudah 2 motor jatuh"), summary.text());
        assertTrue(summary.text().contains("Balas YA untuk kirim"), summary.text());
        assertInstanceOf(State.Confirming.class, state());
        send("ya");
        assertTrue(complaints.filed.get(0).description().endsWith(". sudah 2 motor jatuh"),
                complaints.filed.get(0).description());
    }

    @Test
    void anAddressAtTheSummary_movesThePlace() {
        send("halo");
        send("1");
        send("1");
        send("Jalan berlubang di Jl Merdeka No 5 RT 02");
        Reply summary = send("Jl. Sudirman 8, RT 01/02");
        assertTrue(summary.text().contains("Lokasi: Jl. Sudirman 8, RT 01/02\n"), summary.text());
        send("ya");
        assertEquals("Jl. Sudirman 8, RT 01/02", complaints.filed.get(0).location());
    }

    @Test
    void aBareOkAtTheSummary_stillAsksForYa() {
        send("halo");
        send("1");
        send("1");
        send("Jalan berlubang di Jl Merdeka No 5 RT 02");
        assertTrue(send("oke deh").text().startsWith("Balas YA untuk mengirim"));
    }

    @Test
    void placeWords_addressOnly_notAProblem() {
        assertTrue(PlaceWords.only("Jl. Merdeka 12, RT 03/05", Optional.empty(), w -> false));
        assertTrue(PlaceWords.only("gg. mawar no 3 rt 2 rw 4", Optional.of("gg. mawar"), w -> false));
        assertFalse(PlaceWords.only("Jalan berlubang besar", Optional.empty(), "berlubang"::equals));
        assertFalse(PlaceWords.only("jl merdeka rusak parah", Optional.empty(), w -> false));
        assertFalse(PlaceWords.only("Pasar Lama", Optional.empty(), w -> false));
    }
}
