package id.kanal.app;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /api/admin/prices}: an administrator's CSV import over HTTP, all or nothing. */
class AdminPricesTest extends KanalOnServer {
    private static final String ADMIN = "admin-token-for-prices";
    private static final String CSV = """
            date,market,commodity,unit,price
            2026-11-21,Pasar Anyar,beras,kg,15000
            2026-11-22,Pasar Anyar,beras,kg,15500
            """;

    AdminPricesTest() {
        super(Map.of("KANAL_ADMIN_TOKEN", ADMIN));
    }

    private HttpResponse<String> post(String token, String csv) throws Exception {
        return call("POST", "/api/admin/prices", "text/csv", token, csv);
    }

    @Test
    void post_simpleCsv_importsAndTheDialogAnswersTheNewPrice() throws Exception {
        HttpResponse<String> res = post(ADMIN, CSV);
        assertEquals(200, res.statusCode(), res.body());
        assertTrue(res.body().contains("\"rows\":2"), res.body());
        assertEquals(15_500, kanal.kanal().prices().latest("beras", Optional.of("Pasar Anyar")).orElseThrow().rupiah());
        assertTrue(KanalHarness.replyText(kanal.sms("SM1", "+6281234567890", "harga beras di pasar anyar"))
                .contains("Rp15.500/kg"));
    }

    @Test
    void post_badRow_rejectsWholeFileWithRowNumber() throws Exception {
        long before = kanal.kanal().prices().latest("beras", Optional.of("Pasar Anyar")).orElseThrow().rupiah();
        HttpResponse<String> res = post(ADMIN, CSV + "2026-11-22,Pasar Anyar,gula pasir,kg,mahal\n");
        assertEquals(400, res.statusCode(), res.body());
        assertTrue(res.body().contains("\"row\":4"), res.body());
        assertTrue(res.body().contains("\"imported\":false"), res.body());
        assertEquals(before, kanal.kanal().prices().latest("beras", Optional.of("Pasar Anyar")).orElseThrow().rupiah());
    }

    @Test
    void post_sameFileTwice_secondChangesNothing() throws Exception {
        assertEquals(200, post(ADMIN, CSV).statusCode());
        HttpResponse<String> again = post(ADMIN, CSV);
        assertEquals(200, again.statusCode(), again.body());
        assertTrue(again.body().contains("\"changed\":0") && again.body().contains("\"unchanged\":2"), again.body());
    }

    @Test
    void post_withoutOrWithWrongToken_isRefused() throws Exception {
        assertEquals(401, post(null, CSV).statusCode());
        assertEquals(401, post("guess", CSV).statusCode());
    }
}
