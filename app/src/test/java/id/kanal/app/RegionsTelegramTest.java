package id.kanal.app;

import com.fasterxml.jackson.databind.JsonNode;
import id.kanal.channels.telegram.FakeBotApi;
import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.port.OutboundMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two regions, two Telegram bots, one fake Bot API on loopback: each bot's webhook takes only its own
 * secret, its updates go to its region, and everything its region's residents hear (the direct
 * reply and what the outbox sends later) is sent with its own token, never the other bot's.
 */
class RegionsTelegramTest {
    private static final String KOTA_TOKEN = "7012345678:AAE-kota-token";
    private static final String KAB_TOKEN = "7098765432:AAE-kab-token";
    private static final String KOTA_SECRET = "kota-webhook-secret";
    private static final String KAB_SECRET = "kab-webhook-secret";
    private static final String KAB_PATH = "/channels/telegram/kabupaten-tangerang";
    private static final String CHAT = "523901877";
    /** The region file names the variables, never the token or the secret. */
    private static final String KAB_TELEGRAM = """
            identities:
              telegram:
                token-env: KANAL_TELEGRAM_TOKEN_KABUPATEN
                webhook-secret-env: KANAL_TELEGRAM_SECRET_KABUPATEN
                webhook-path: /telegram/kabupaten-tangerang
            """;

    @TempDir
    Path dataDir;
    @TempDir
    Path regionsDir;
    private final FakeBotApi botApi = new FakeBotApi();
    private final HttpClient http = HttpClient.newHttpClient();
    private Kanal kanal;
    private KanalServer server;

    /** The database the Kanal runs on: SQLite in the data directory here, PostgreSQL in the subclass. */
    Map<String, String> databaseEnv() {
        return Map.of();
    }

    private void start(Map<String, String> more) throws Exception {
        RegionsEndToEndTest.dropInKabupaten(regionsDir);
        Path file = regionsDir.resolve("kabupaten-tangerang.yaml");
        Files.writeString(file, Files.readString(file).replace("identities:\n", KAB_TELEGRAM.strip().replace(
                "identities:\n", "identities:\n") + "\n"));
        Map<String, String> env = new HashMap<>(Map.of(
                "KANAL_PORT", "0",
                "KANAL_DATA_DIR", dataDir.toString(),
                "KANAL_REGIONS_DIR", regionsDir.toString(),
                "KANAL_TELEGRAM_BOT_TOKEN", KOTA_TOKEN,
                "KANAL_TELEGRAM_WEBHOOK_SECRET", KOTA_SECRET,
                "KANAL_TELEGRAM_API_URL", botApi.url().toString(),
                "KANAL_TELEGRAM_TOKEN_KABUPATEN", KAB_TOKEN,
                "KANAL_TELEGRAM_SECRET_KABUPATEN", KAB_SECRET));
        env.putAll(databaseEnv());
        env.putAll(more);
        kanal = Kanal.open(Settings.from(Main.config(), env), Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC));
        server = KanalServer.start(kanal);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (kanal != null) {
            kanal.close();
        }
        botApi.close();
    }

    @Test
    void twoBots_sameChatAndUpdateId_eachRegionAnswersWithItsOwnBot() throws Exception {
        start(Map.of("KANAL_PUBLIC_URL", "https://kanal.test"));
        // Telegram numbers updates per bot: both bots may send update 5001; neither is a duplicate of the other.
        assertEquals(200, post("/channels/telegram", KOTA_SECRET, text(5001, "halo")).statusCode());
        List<FakeBotApi.Call> kota = botApi.await(c -> sent(c, KOTA_TOKEN).size() == 1, Duration.ofSeconds(10));
        assertEquals(200, post(KAB_PATH, KAB_SECRET, text(5001, "halo")).statusCode());
        botApi.await(c -> sent(c, KAB_TOKEN).size() == 1, Duration.ofSeconds(10));
        assertTrue(text(sent(kota, KOTA_TOKEN).get(0)).contains("Kota Tangerang"), kota.toString());
        JsonNode kab = sent(botApi.calls(), KAB_TOKEN).get(0).body();
        assertEquals(CHAT, kab.get("chat_id").asText());
        assertTrue(kab.get("text").asText().contains("Kabupaten Tangerang"), kab.toString());
        assertEquals(1, sent(botApi.calls(), KOTA_TOKEN).size(), "the Kota bot said nothing to the Kabupaten's update");

        // Two conversations: the Kabupaten's menu lists its own categories.
        assertEquals(200, post(KAB_PATH, KAB_SECRET, text(5002, "1")).statusCode());
        List<FakeBotApi.Call> calls = botApi.await(c -> sent(c, KAB_TOKEN).size() == 2, Duration.ofSeconds(10));
        String categories = text(sent(calls, KAB_TOKEN).get(1));
        assertTrue(categories.contains("Sampah") && !categories.contains("Banjir"), categories);
        assertTrue(kanal.conversations().load(new Address(Channel.TELEGRAM, CHAT).inRegion(RegionsEndToEndTest.KAB_REGION))
                .isPresent(), "the Kabupaten's conversation is its resident's");
    }

    @Test
    void eachBotsWebhook_takesOnlyItsOwnSecret() throws Exception {
        start(Map.of("KANAL_PUBLIC_URL", "https://kanal.test"));
        assertEquals(403, post(KAB_PATH, KOTA_SECRET, text(6001, "halo")).statusCode());
        assertEquals(403, post("/channels/telegram", KAB_SECRET, text(6002, "halo")).statusCode());
        assertEquals(403, post(KAB_PATH, "", text(6003, "halo")).statusCode());
        assertEquals(200, post(KAB_PATH, KAB_SECRET, text(6004, "halo")).statusCode());
        botApi.await(c -> sent(c, KAB_TOKEN).size() == 1, Duration.ofSeconds(10));
        assertEquals(List.of(), sent(botApi.calls(), KOTA_TOKEN));
    }

    @Test
    void outbox_eachRegionsChat_hearsFromItsOwnBot() throws Exception {
        start(Map.of("KANAL_PUBLIC_URL", "https://kanal.test"));
        Address kab = new Address(Channel.TELEGRAM, CHAT).inRegion(RegionsEndToEndTest.KAB_REGION);
        Address kota = new Address(Channel.TELEGRAM, "523901999");
        for (Address to : List.of(kab, kota)) {
            kanal.outboxQueue().enqueue(new OutboundMessage(to, "Laporan Anda sedang dikerjakan (" + to.value() + ")",
                    "status-change", OutboundMessage.BULK, Optional.empty()), kanal.clock().instant());
        }
        kanal.outbox().drainOnce();
        List<FakeBotApi.Call> calls = botApi.await(c -> sent(c, KAB_TOKEN).size() + sent(c, KOTA_TOKEN).size() == 2,
                Duration.ofSeconds(10));
        JsonNode byKab = sent(calls, KAB_TOKEN).get(0).body();
        JsonNode byKota = sent(calls, KOTA_TOKEN).get(0).body();
        assertEquals(CHAT, byKab.get("chat_id").asText(), "the bare chat id, from the Kabupaten's bot");
        assertTrue(byKab.get("text").asText().contains("@" + RegionsEndToEndTest.KAB_REGION));
        assertEquals("523901999", byKota.get("chat_id").asText());
    }

    @Test
    void photoSentToTheKabupatensBot_isFetchedWithItsToken() throws Exception {
        start(Map.of("KANAL_PUBLIC_URL", "https://kanal.test"));
        int id = 7000;
        for (String content : List.of("\"text\":\"lapor sampah menumpuk\"",
                "\"location\":{\"latitude\":-6.178306,\"longitude\":106.631889}",
                "\"photo\":[{\"file_id\":\"AgACAgUAAxkBAAIBoGc-kab\",\"file_unique_id\":\"AQADs3\",\"file_size\":98230,"
                        + "\"width\":1280,\"height\":960}],\"caption\":\"sampah depan pasar\"",
                "\"text\":\"ya\"")) {
            assertEquals(200, post(KAB_PATH, KAB_SECRET, update(++id, content)).statusCode());
        }
        // The photo is fetched once the complaint is filed, which may be before the ticket's reply is sent: wait for both.
        List<FakeBotApi.Call> calls = botApi.await(c -> c.stream().anyMatch(x -> x.method().equalsIgnoreCase("getfile"))
                && sent(c, KAB_TOKEN).stream().anyMatch(x -> text(x).matches("(?s).*KAB-\\d{6}.*")), Duration.ofSeconds(20));
        FakeBotApi.Call getFile = calls.stream().filter(x -> x.method().equalsIgnoreCase("getfile")).findFirst().orElseThrow();
        assertTrue(getFile.path().startsWith("/bot" + KAB_TOKEN + "/"), "asked with the Kabupaten's token: " + getFile.path());
        assertTrue(sent(calls, KAB_TOKEN).stream().anyMatch(c -> text(c).matches("(?s).*KAB-\\d{6}.*")), calls.toString());
    }

    @Test
    void polling_eachBotPollsWithItsOwnToken() throws Exception {
        start(Map.of("KANAL_TELEGRAM_MODE", "polling"));
        kanal.channels().start();
        botApi.await(c -> c.stream().anyMatch(x -> x.path().equals("/bot" + KAB_TOKEN + "/getupdates"))
                && c.stream().anyMatch(x -> x.path().equals("/bot" + KOTA_TOKEN + "/getupdates")), Duration.ofSeconds(20));
        String health = kanal.channels().active().stream().filter(c -> c.name().equals("telegram")).findFirst()
                .orElseThrow().health().details().toString();
        assertTrue(health.contains("polling=running") && health.contains("polling-kabupaten-tangerang=running"), health);
    }

    @Test
    void regionFile_withTheTokenItself_isRefused_andAnUnsetVariableIsNamed() throws Exception {
        RegionsEndToEndTest.dropInKabupaten(regionsDir);
        Path file = regionsDir.resolve("kabupaten-tangerang.yaml");
        String original = Files.readString(file);
        Files.writeString(file, original.replace("identities:\n",
                "identities:\n  telegram:\n    token: \"" + KAB_TOKEN + "\"\n    webhook-path: /telegram/kab\n"));
        Settings settings = Settings.from(Main.config(), Map.of("KANAL_DATA_DIR", dataDir.toString(),
                "KANAL_REGIONS_DIR", regionsDir.toString()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Kanal.open(settings, Clock.systemUTC()));
        assertTrue(e.getMessage().contains("token-env"), e.getMessage());
        assertFalse(e.getMessage().contains("AAE-kab-token"), "the refusal does not repeat the token");
        Files.writeString(file, original.replace("identities:\n",
                "identities:\n  telegram:\n    token-env: KANAL_NOT_SET\n    webhook-path: /telegram/kab\n"));
        e = assertThrows(IllegalArgumentException.class, () -> Kanal.open(settings, Clock.systemUTC()));
        assertTrue(e.getMessage().contains("KANAL_NOT_SET") && e.getMessage().contains("kabupaten-tangerang.yaml"),
                e.getMessage());
    }

    /**
     * A contact shared with the Kabupaten's bot links within the Kabupaten: its resident's number to its
     * chat. A STOP on that bot then stops the Kabupaten's SMS resident too (one person there), never the
     * Kota's resident with the same number; MULAI takes it back.
     */
    @Test
    void contactSharedWithARegionsBot_linksWithinThatRegion_stopAndStartFollow() throws Exception {
        start(Map.of("KANAL_PUBLIC_URL", "https://kanal.test"));
        assertEquals(200, post(KAB_PATH, KAB_SECRET, update(7001, "\"contact\":{\"phone_number\":\"6281234567890\","
                + "\"first_name\":\"Siti\",\"user_id\":" + CHAT + "}")).statusCode());
        botApi.await(c -> sent(c, KAB_TOKEN).size() == 1, Duration.ofSeconds(10));
        assertTrue(sent(botApi.calls(), KOTA_TOKEN).isEmpty(), "the Kota bot answers nothing");
        String kabNumber = RegionsEndToEndTest.RESIDENT + "@" + RegionsEndToEndTest.KAB_REGION;
        assertEquals(Optional.of(CHAT + "@" + RegionsEndToEndTest.KAB_REGION), chatLinkedTo(kabNumber));
        assertEquals(Optional.empty(), chatLinkedTo(RegionsEndToEndTest.RESIDENT), "the Kota's number is not linked");

        Address kabSms = new Address(Channel.SMS, RegionsEndToEndTest.RESIDENT).inRegion(RegionsEndToEndTest.KAB_REGION);
        Address kotaSms = new Address(Channel.SMS, RegionsEndToEndTest.RESIDENT);
        assertEquals(200, post(KAB_PATH, KAB_SECRET, text(7002, "STOP")).statusCode());
        botApi.await(c -> sent(c, KAB_TOKEN).size() == 2, Duration.ofSeconds(10));
        assertTrue(kanal.residents().isOptedOut(kabSms), "the Kabupaten's resident stopped on every channel");
        assertFalse(kanal.residents().isOptedOut(kotaSms), "the Kota's resident did not");
        assertEquals(200, post(KAB_PATH, KAB_SECRET, text(7003, "MULAI")).statusCode());
        botApi.await(c -> sent(c, KAB_TOKEN).size() == 3, Duration.ofSeconds(10));
        assertFalse(kanal.residents().isOptedOut(kabSms), "MULAI took it back");
    }

    private Optional<String> chatLinkedTo(String number) {
        return kanal.database().read(c -> id.kanal.store.TelegramChats.chatOf(c, number));
    }

    private static List<FakeBotApi.Call> sent(List<FakeBotApi.Call> calls, String token) {
        return calls.stream().filter(c -> c.path().equals("/bot" + token + "/sendmessage")).toList();
    }

    private static String text(FakeBotApi.Call call) {
        return call.body().get("text").asText();
    }

    private static String text(int updateId, String text) {
        return update(updateId, "\"text\":\"" + text + "\"");
    }

    private static String update(int updateId, String content) {
        return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":" + updateId
                + ",\"from\":{\"id\":" + CHAT + ",\"is_bot\":false,\"first_name\":\"Siti\",\"language_code\":\"id\"},"
                + "\"chat\":{\"id\":" + CHAT + ",\"first_name\":\"Siti\",\"type\":\"private\"},\"date\":1795316520,"
                + content + "}}";
    }

    private HttpResponse<String> post(String path, String secret, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (!secret.isEmpty()) {
            b.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
