package id.kanal.app;

import id.kanal.services.prices.ImportResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 5's price answers through the whole stack (SMS webhook, classifier, dialog, board):
 * the week's change, the cheapest and dearest market, old data with its date said plainly,
 * and an import understood at once (new commodity and market, the board's cache cleared).
 */
class PricesEndToEndTest extends KanalOnServer {
    private static final String RESIDENT = "+6281234567891";

    @BeforeEach
    void importPrices() {
        // The clock stands on 22 Nov 2026 10:00 in Jakarta; prices.stale-after-days is 3 (application.yaml).
        ImportResult r = kanal.kanal().priceImporter().importCsv(new StringReader("""
                date,market,commodity,unit,price
                2026-11-15,Pasar Kutabumi,kacang tanah,kg,30000
                2026-11-22,Pasar Kutabumi,kacang tanah,kg,32000
                2026-11-22,Pasar Cikupa,kacang tanah,kg,29000
                2026-11-12,Pasar Kutabumi,jagung pipil,kg,9000
                """), "test", n -> { });
        assertEquals(4, r.changed());
    }

    private String say(String text) throws Exception {
        return KanalHarness.replyText(sms(RESIDENT, text));
    }

    @Test
    void priceAtMarket_importedJustNow_answersWithTheWeeksChange() throws Exception {
        assertEquals("Harga kacang tanah di Pasar Kutabumi: Rp32.000/kg (22 Nov 2026). Naik Rp2.000 dari seminggu lalu.",
                say("hrg kacang tanah di pasar kutabumi brp"));
    }

    @Test
    void priceWithoutMarket_namesTheCheapestAndDearestMarket() throws Exception {
        assertEquals("Harga kacang tanah (22 Nov 2026): termurah Rp29.000/kg di Pasar Cikupa, termahal Rp32.000/kg di Pasar Kutabumi.",
                say("harga kacang tanah brp"));
    }

    @Test
    void oldPrice_saysItsDatePlainly() throws Exception {
        String reply = say("harga jagung pipil di pasar kutabumi");
        assertTrue(reply.startsWith("Harga jagung pipil di Pasar Kutabumi: Rp9.000/kg (12 Nov 2026)."), reply);
        assertTrue(reply.endsWith("Data terakhir tanggal 12 Nov 2026."), reply);
    }

    @Test
    void reimport_correctedPrice_isAnsweredAtOnce() throws Exception {
        assertTrue(say("harga kacang tanah di pasar cikupa").contains("Rp29.000/kg"));
        kanal.kanal().priceImporter().importCsv(new StringReader("""
                date,market,commodity,unit,price
                2026-11-22,Pasar Cikupa,kacang tanah,kg,29500
                """), "fix", n -> { });
        assertTrue(say("harga kacang tanah di pasar cikupa").contains("Rp29.500/kg"), "the board's cache was not cleared");
    }
}
