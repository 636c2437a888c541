package id.kanal.app;

import id.kanal.channels.telegram.TelegramChannel;
import com.fasterxml.jackson.databind.JsonNode;
import id.kanal.channels.telegram.FakeBotApi;
import id.kanal.dialog.Gsm7;
import id.kanal.store.TelegramChats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** USSD and Telegram through the real wiring: routes, dialog engine, SQLite, outbox. */
class ChannelsEndToEndTest {
    private static final String PHONE = "+6281234567890";
    private static final String TOKEN = "7012345678:AAE-e2e-token";
    private static final String SECRET = "e2e-webhook-secret";

    @TempDir
    Path dataDir;
    private FakeBotApi botApi;
    private Kanal kanal;
    private KanalServer server;
    private Settings settings;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        botApi = new FakeBotApi();
        settings = Settings.from(Main.config(), Map.of(
                "KANAL_PORT", "0",
                "KANAL_DATA_DIR", dataDir.toString(),
                "KANAL_PUBLIC_URL", "https://kanal.test",
                "KANAL_TELEGRAM_BOT_TOKEN", TOKEN,
                "KANAL_TELEGRAM_WEBHOOK_SECRET", SECRET,
                "KANAL_TELEGRAM_API_URL", botApi.url().toString(),
                // The gateway is named explicitly: USSD is off until an allow-list or a secret is set.
                "KANAL_USSD_ALLOWED_IPS", "127.0.0.1/32, ::1"));
        kanal = Kanal.open(settings, Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC));
        server = KanalServer.start(kanal);
    }

    @AfterEach
    void stop() {
        server.close();
        kanal.close();
        botApi.close();
    }

    @Test
    void settings_publicUrlMeansWebhook_noneMeansPolling() {
        assertEquals("WEBHOOK", kanal.settings().channels().of(TelegramChannel.TYPE).mode().name());
        Settings local = Settings.from(Main.config(), Map.of("KANAL_TELEGRAM_BOT_TOKEN", TOKEN));
        assertEquals("POLLING", local.channels().of(TelegramChannel.TYPE).mode().name());
    }

    @Test
    void ussd_fullComplaint_numberedMenusAndFreeText_filesTicketAndQueuesSmsReceipt() throws Exception {
        List<String> screens = new ArrayList<>();
        String text = "";
        screens.add(ussd("ATUid_e2e1", text));
        for (String input : List.of("1", "1", "Jl Merdeka No 12 RT 03 RW 05 Sukasari", "Jalan berlubang besar", "YA")) {
            text = text.isEmpty() ? input : text + "*" + input;
            String screen = ussd("ATUid_e2e1", text);
            screens.add(screen);
            // A paged screen: read on until the last page, as a resident pressing 98.
            while (screen.endsWith("\n98 Lanjut")) {
                text = text + "*98";
                screen = ussd("ATUid_e2e1", text);
                screens.add(screen);
            }
        }
        assertTrue(screens.get(0).startsWith("CON ") && screens.get(0).contains("1 Lapor keluhan"), screens.get(0));
        assertTrue(screens.get(1).contains("1 Jalan rusak"), screens.get(1));
        String filed = screens.getLast();
        // The receipt offers nothing to choose: the session ends on it.
        assertTrue(filed.matches("(?s)END .*TNG-\\d{6}.*"), filed);
        for (String s : screens) {
            assertTrue(Gsm7.isGsm7(s) && Gsm7.septets(s) <= 182, s);
        }
        List<String[]> outbox = kanal.database().read(c -> {
            List<String[]> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT channel, address, kind, priority, body FROM outbox");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)});
                }
            }
            return rows;
        });
        assertEquals(1, outbox.size());
        assertEquals(List.of("sms", PHONE, "ussd-receipt", "0"), List.of(outbox.get(0)).subList(0, 4));
        assertTrue(outbox.get(0)[4].matches("(?s).*TNG-\\d{6}.*"), outbox.get(0)[4]);
    }

    @Test
    void ussd_sessionDropsMidComplaint_newSessionResumesAndFiles() throws Exception {
        ussd("ATUid_drop1", "");
        ussd("ATUid_drop1", "1");
        String where = ussd("ATUid_drop1", "1*1");
        assertTrue(where.startsWith("CON ") && where.contains("lokasi"), where);
        // The network drops the session; the resident dials again (a new sessionId, same phone).
        assertEquals("CON Sesi sebelumnya terputus. Lanjutkan?\n1 Ya\n2 Tidak", ussd("ATUid_drop2", ""));
        assertEquals(where, ussd("ATUid_drop2", "1"), "the screen the session dropped on");
        String text = "1";
        String screen = "";
        for (String input : List.of("Jl Merdeka No 12", "Jalan berlubang besar", "YA")) {
            text = text + "*" + input;
            screen = ussd("ATUid_drop2", text);
            while (screen.endsWith("\n98 Lanjut")) {
                text = text + "*98";
                screen = ussd("ATUid_drop2", text);
            }
        }
        assertTrue(screen.matches("(?s)(CON|END) .*TNG-\\d{6}.*"), screen);
        String location = kanal.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT location FROM complaint WHERE reporter_channel = 'ussd'");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
        assertEquals("Jl Merdeka No 12", location);
    }

    @Test
    void telegram_sharedContact_linksPhoneNumber_andStartRepliesWithButtons() throws Exception {
        Path fixtures = Path.of("../channels/src/test/resources/fixtures/telegram");
        assertEquals(200, telegram(Files.readString(fixtures.resolve("contact.json"))).statusCode());
        assertEquals(Optional.of(PHONE), kanal.database().read(c -> TelegramChats.phoneOf(c, "523901877")));
        assertEquals(200, telegram(Files.readString(fixtures.resolve("start.json"))).statusCode());
        List<FakeBotApi.Call> calls = botApi.await(c -> c.size() == 2, Duration.ofSeconds(5));
        JsonNode menu = calls.get(1).body();
        assertEquals("523901877", menu.get("chat_id").asText());
        assertTrue(menu.get("text").asText().contains("1 Lapor keluhan"), menu.toString());
        assertEquals("1", menu.get("reply_markup").get("inline_keyboard").get(0).get(0).get("callback_data").asText());
    }

    private static List<FakeBotApi.Call> answers(List<FakeBotApi.Call> calls) {
        return calls.stream().filter(c -> c.method().equalsIgnoreCase("sendmessage")).toList();
    }

    @Test
    void telegram_complaintWithPhotoAndLocation_keepsTheLargestPhotoAndThePoint() throws Exception {
        String chat = "{\"id\":523901877,\"first_name\":\"Siti\",\"type\":\"private\"}";
        String from = "{\"id\":523901877,\"is_bot\":false,\"first_name\":\"Siti\",\"language_code\":\"id\"}";
        List<String> updates = List.of(
                "\"text\":\"lapor jalan rusak\"",
                "\"location\":{\"latitude\":-6.178306,\"longitude\":106.631889}",
                // The recorded photo update's sizes: the largest (1280x960) must be the one kept.
                "\"photo\":[{\"file_id\":\"AgACAgUAAxkBAAIBoGc-small\",\"file_unique_id\":\"AQADs1\",\"file_size\":1421,"
                        + "\"width\":90,\"height\":67},{\"file_id\":\"AgACAgUAAxkBAAIBoGc-large\",\"file_unique_id\":\"AQADs3\","
                        + "\"file_size\":98230,\"width\":1280,\"height\":960}],\"caption\":\"lubang besar depan pasar\"",
                "\"text\":\"ya\"");
        int id = 718293100;
        for (String content : updates) {
            id++;
            String update = "{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id + ",\"from\":" + from
                    + ",\"chat\":" + chat + ",\"date\":1795316520," + content + "}}";
            assertEquals(200, telegram(update).statusCode(), update);
        }
        // The answers only: once the complaint is filed the photo fetcher also calls getFile.
        List<FakeBotApi.Call> calls = botApi.await(c -> answers(c).size() >= updates.size(), Duration.ofSeconds(5));
        String filed = answers(calls).getLast().body().get("text").asText();
        assertTrue(filed.matches("(?s).*TNG-\\d{6}.*"), calls.toString());
        List<String> kept = kanal.database().read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT c.latitude, c.longitude, m.url, m.content_type "
                    + "FROM complaint c JOIN complaint_media m ON m.ticket = c.ticket WHERE c.reporter_channel = 'telegram'");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getDouble(1) + " " + rs.getDouble(2) + " " + rs.getString(3) + " " + rs.getString(4));
                }
            }
            return out;
        });
        assertEquals(List.of("-6.178306 106.631889 telegram-file:AgACAgUAAxkBAAIBoGc-large image/jpeg"), kept);
    }

    /** Issue 13, item 1: a session id that looks like the simulator's used to silence the resident for good. */
    @Test
    void ussd_sessionIdStartingSim_isAnOrdinaryRequest_andTheResidentStillGetsMessages() throws Exception {
        assertTrue(ussd("sim-1234", "").startsWith("CON "));
        String queued = kanal.outboxQueue().enqueue(new id.kanal.dialog.port.OutboundMessage(
                new id.kanal.dialog.Address(id.kanal.dialog.Channel.SMS, PHONE), "Tiket diproses", "status",
                id.kanal.dialog.port.OutboundMessage.BULK, java.util.Optional.empty()), kanal.clock().instant());
        String status = kanal.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT status FROM outbox WHERE id = ?")) {
                ps.setString(1, queued);
                try (var rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : "missing";
                }
            }
        });
        assertEquals("PENDING", status, "queued to be sent, never held as simulated");
    }

    /**
     * A hop finds its session in memory (SQLite); across a restart the table continues it. A first
     * screen is kept in memory only: a retry of it after a restart runs again, with the same answer.
     */
    @Test
    void ussd_restartMidSession_theTableContinuesIt_andARetriedFirstScreenAnswersTheSame() throws Exception {
        id.kanal.store.ussd.SqlUssdSessions table = new id.kanal.store.ussd.SqlUssdSessions(kanal.database(), 0);
        String menu = ussd("ATUid_restart", "");
        assertEquals(java.util.Optional.empty(), table.find("ATUid_restart"));
        restart();
        assertEquals(menu, ussd("ATUid_restart", ""), "a first screen not in memory runs again: the same answer");
        String prices = ussd("ATUid_restart", "3");
        assertTrue(menu.startsWith("CON ") && !menu.equals(prices), menu);
        table = new id.kanal.store.ussd.SqlUssdSessions(kanal.database(), 0);
        assertEquals("3", table.find("ATUid_restart").orElseThrow().text());
        restart();
        assertEquals(prices, ussd("ATUid_restart", "3"), "a gateway's retry: the stored screen, from the table");
    }

    private void restart() {
        server.close();
        kanal.close();
        kanal = Kanal.open(settings, kanal.clock());
        server = KanalServer.start(kanal);
    }

    /** Old sessions go in a job of their own, off the hops; one round is driven here with a later clock. */
    @Test
    void ussd_sessionsOlderThanADay_arePrunedByTheJob() throws Exception {
        ussd("ATUid_old", "");
        ussd("ATUid_old", "3");
        assertTrue(kanal.jobs().runsHere(UssdSessionPruning.JOB));
        Clock later = Clock.offset(kanal.clock(), java.time.Duration.ofDays(1).plusSeconds(1));
        assertEquals(0, UssdSessionPruning.round(kanal.ussdSessions(), kanal.clock()));
        assertEquals(1, UssdSessionPruning.round(kanal.ussdSessions(), later));
        assertEquals(java.util.Optional.empty(), kanal.ussdSessions().find("ATUid_old"));
    }

    private String ussd(String session, String text) throws Exception {
        String form = "sessionId=" + session + "&serviceCode=" + enc("*384*1234#") + "&phoneNumber=" + enc(PHONE)
                + "&networkCode=51010&text=" + enc(text);
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/channels/ussd"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, res.statusCode(), res.body());
        return res.body();
    }

    private HttpResponse<String> telegram(String update) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/channels/telegram"))
                .header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(update)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
