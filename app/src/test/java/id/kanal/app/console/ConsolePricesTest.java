package id.kanal.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Prices page's API: an admin imports a price CSV through the console, all or nothing; nobody else may. */
class ConsolePricesTest extends ConsoleOnServer {
    private static final String CSV = """
            date,market,commodity,unit,price
            2026-11-23,Pasar Anyar,beras,kg,15900
            2026-11-01,,durian,kg,45000
            """;
    private static final String BAD_ROW = "2026-11-23,Pasar Lama,gula pasir,kg,mahal\n";

    private final HttpClient http = HttpClient.newHttpClient();

    /** The page's own request: the file as a text/csv body, with the session cookie and CSRF token the client holds. */
    private HttpResponse<String> upload(ConsoleHarness.Client as, String contentType, String csv) throws Exception {
        return upload(as, contentType, csv, false);
    }

    /**
     * @param expectContinue send {@code Expect: 100-continue} and the body only when the server
     *     agrees: a server refusing an oversized body (413) then answers before any of it is sent,
     *     instead of closing a connection the client is still writing to (which can lose the answer)
     */
    private HttpResponse<String> upload(ConsoleHarness.Client as, String contentType, String csv, boolean expectContinue)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(kanal.base() + "/api/console/prices"))
                .header("Content-Type", contentType).expectContinue(expectContinue)
                .POST(HttpRequest.BodyPublishers.ofString(csv));
        if (as.cookie != null) {
            b.header("Cookie", as.cookie);
        }
        if (as.csrf != null) {
            b.header("X-CSRF-Token", as.csrf);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> upload(ConsoleHarness.Client as, String csv) throws Exception {
        return upload(as, "text/csv", csv);
    }

    private long beras() {
        return kanal.kanal().prices().latest("beras", Optional.of("Pasar Anyar")).orElseThrow().rupiah();
    }

    private boolean hasDurian() {
        return kanal.kanal().prices().latest("durian", Optional.empty()).isPresent();
    }

    @Test
    void admin_uploadsSimpleCsv_200_rowsOnTheBoard_andFreshnessShowsThem() throws Exception {
        var admin = kanal.login("admin", ConsoleHarness.ADMIN_PASSWORD);
        HttpResponse<String> res = upload(admin, CSV);
        assertEquals(200, res.statusCode(), res.body());
        JsonNode r = admin.json(res);
        assertEquals("simple", r.get("format").asText());
        assertEquals(2, r.get("rows").asInt());
        assertEquals(2, r.get("changed").asInt());
        assertEquals(0, r.get("unchanged").asInt());
        assertEquals(0, r.get("skipped").asInt());
        assertTrue(r.get("millis").isNumber(), res.body());
        assertEquals(15_900, beras());
        assertEquals(45_000, kanal.kanal().prices().latest("durian", Optional.empty()).orElseThrow().rupiah());

        JsonNode fresh = admin.json(admin.get("/prices"));
        assertEquals(3, fresh.get("staleAfterDays").asInt());
        JsonNode durian = null;
        for (JsonNode c : fresh.get("commodities")) {
            if (c.get("commodity").asText().equals("durian")) {
                durian = c;
            }
        }
        assertEquals(Map.of("newest", "2026-11-01", "ageDays", 22, "stale", true), Map.of(
                "newest", durian.get("newest").asText(), "ageDays", durian.get("ageDays").asInt(),
                "stale", durian.get("stale").asBoolean()), fresh.toString());
        LocalDate overall = LocalDate.parse(fresh.get("newest").asText());
        assertFalse(overall.isBefore(LocalDate.of(2026, 11, 22)), "the newest day of any commodity: " + overall);
    }

    @Test
    void admin_uploadsTheSameFileTwice_theSecondChangesNothing() throws Exception {
        var admin = kanal.login("admin", ConsoleHarness.ADMIN_PASSWORD);
        assertEquals(200, upload(admin, CSV).statusCode());
        JsonNode again = admin.json(upload(admin, CSV));
        assertEquals(0, again.get("changed").asInt(), again.toString());
        assertEquals(2, again.get("unchanged").asInt(), again.toString());
        assertEquals(15_900, beras());
    }

    @Test
    void admin_uploadsBadanPanganNasionalCsv_regionWidePrices_zeroPriceSkipped() throws Exception {
        var admin = kanal.login("admin", ConsoleHarness.ADMIN_PASSWORD);
        HttpResponse<String> res = upload(admin, """
                Timestamp,ID,Komoditas,Satuan,Harga,Harga Kemarin,Tanggal Kemarin,Gap,Gap Persen,Gap Perubahan
                2026-11-22,27,Beras Premium,Rp./Kg,16100,16000,21-11-2026,100,0.63,up
                2026-11-22,31,Cabai Rawit Merah,Rp./Kg,0,52000,21-11-2026,0,0,no_change
                """);
        assertEquals(200, res.statusCode(), res.body());
        JsonNode r = admin.json(res);
        assertEquals("bapanas", r.get("format").asText());
        assertEquals(2, r.get("rows").asInt());
        assertEquals(1, r.get("skipped").asInt());
    }

    @Test
    void badRow_400_namesTheRow_andNothingIsStored() throws Exception {
        var admin = kanal.login("admin", ConsoleHarness.ADMIN_PASSWORD);
        long before = beras();
        HttpResponse<String> res = upload(admin, CSV + BAD_ROW);
        assertEquals(400, res.statusCode(), res.body());
        JsonNode r = admin.json(res);
        assertEquals(4, r.get("row").asInt(), res.body());
        assertTrue(r.get("reason").asText().contains("mahal"), res.body());
        assertFalse(r.get("imported").asBoolean(true), res.body());
        assertEquals(before, beras(), "the good rows before the bad one were not stored either");
        assertFalse(hasDurian());
    }

    @Test
    void agentAndSupervisor_403_andNothingIsStored() throws Exception {
        long before = beras();
        for (Role role : new Role[]{Role.AGENT, Role.SUPERVISOR}) {
            var someone = kanal.createAccount(role.id() + "1", role);
            HttpResponse<String> res = upload(someone, CSV);
            assertEquals(403, res.statusCode(), role + ": " + res.body());
            assertTrue(res.body().contains("admin role"), res.body());
            assertEquals(403, someone.get("/prices").statusCode(), role + " reads no freshness either");
        }
        assertEquals(before, beras());
        assertFalse(hasDurian());
    }

    @Test
    void admin_withoutCsrfToken_403_andNothingIsStored() throws Exception {
        var admin = kanal.login("admin", ConsoleHarness.ADMIN_PASSWORD);
        admin.csrf = null;
        HttpResponse<String> res = upload(admin, CSV);
        assertEquals(403, res.statusCode(), res.body());
        assertTrue(res.body().contains("CSRF"), res.body());
        admin.csrf = "not-the-token";
        assertEquals(403, upload(admin, CSV).statusCode());
        assertFalse(hasDurian());
    }

    @Test
    void notLoggedIn_401_andNotCsv_415() throws Exception {
        assertEquals(401, upload(kanal.client(), CSV).statusCode());
        assertEquals(401, kanal.client().get("/prices").statusCode());
        var admin = kanal.login("admin", ConsoleHarness.ADMIN_PASSWORD);
        HttpResponse<String> form = upload(admin, "multipart/form-data; boundary=x", CSV);
        assertEquals(415, form.statusCode(), form.body());
        assertTrue(form.body().contains("nothing was imported"), form.body());
        assertFalse(hasDurian());
    }

    @Test
    void emptyOrUnknownFile_400_namesTheHeaderRow() throws Exception {
        var admin = kanal.login("admin", ConsoleHarness.ADMIN_PASSWORD);
        for (String csv : new String[]{"", "hello world\n", "date,market,price\n"}) {
            HttpResponse<String> res = upload(admin, csv);
            assertEquals(400, res.statusCode(), res.body());
            assertEquals(1, admin.json(res).get("row").asInt(), res.body());
        }
    }

    @Test
    void unterminatedQuote_400_reasonNamesTheLine_andNothingIsStored() throws Exception {
        var admin = kanal.login("admin", ConsoleHarness.ADMIN_PASSWORD);
        HttpResponse<String> res = upload(admin, CSV + "2026-11-23,\"Pasar Lama,beras,kg,14000\n");
        assertEquals(400, res.statusCode(), res.body());
        assertTrue(admin.json(res).get("reason").asText().contains("line 4"), res.body());
        assertFalse(hasDurian());
    }

    @Test
    void fileOverTheServersLimit_413_nothingImported_andThePageIsToldTheLimit() throws Exception {
        var admin = kanal.login("admin", ConsoleHarness.ADMIN_PASSWORD);
        int limit = admin.json(admin.get("/prices")).get("maxBytes").asInt();
        assertEquals(id.kanal.app.KanalServer.MAX_PAYLOAD_BYTES, limit);
        String big = CSV + ("2026-11-23,Pasar Baru,durian,kg,45000\n").repeat(limit / 30);
        assertEquals(413, upload(admin, "text/csv", big, true).statusCode());
        assertFalse(hasDurian());
    }
}
