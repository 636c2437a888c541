package id.kanal.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import id.kanal.channels.media.FakeMediaServer;
import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.InboundMessage;
import id.kanal.dialog.Media;
import id.kanal.dialog.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Photos end to end through a real server: a resident's WhatsApp photo (a fake Twilio media URL,
 * with Twilio's redirect to a storage host) and Telegram photo (a fake Bot API's getFile) are
 * fetched by the real downloaders after the complaint is filed, kept by Kanal, and shown to an
 * agent from the console's own route, never to anyone without a session; a file too large or not
 * an image is refused and the complaint stays. No provider URL reaches the console, the complaints
 * API or Open311.
 */
class ComplaintPhotosTest {
    private static final String SID = "AC11111111111111111111111111111111";
    private static final String TOKEN = "photo-test-token";
    private static final String BOT_TOKEN = "4242:photo-test-bot";
    private static final String ADMIN_TOKEN = "staff-api-token";
    private static final String OPEN311_KEY = "open311-key";
    private static final int MAX_BYTES = 64 * 1024;
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @TempDir
    static Path dataDir;
    private static final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private static FakeMediaServer twilio;
    private static FakeMediaServer storage;
    private static FakeMediaServer telegram;
    private static ConsoleHarness kanal;
    private static ConsoleHarness.Client agent;

    @BeforeAll
    static void start() throws Exception {
        twilio = new FakeMediaServer();
        storage = new FakeMediaServer();
        telegram = new FakeMediaServer();
        kanal = new ConsoleHarness(dataDir, clock, Map.ofEntries(
                Map.entry("KANAL_TWILIO_ACCOUNT_SID", SID),
                Map.entry("KANAL_TWILIO_AUTH_TOKEN", TOKEN),
                Map.entry("KANAL_TWILIO_API_URL", twilio.url().toString()),
                Map.entry("KANAL_TELEGRAM_BOT_TOKEN", BOT_TOKEN),
                Map.entry("KANAL_TELEGRAM_WEBHOOK_SECRET", "photo-test-secret"),
                Map.entry("KANAL_TELEGRAM_MODE", "webhook"),
                Map.entry("KANAL_TELEGRAM_API_URL", telegram.url().toString()),
                Map.entry("KANAL_PHOTO_MAX_BYTES", String.valueOf(MAX_BYTES)),
                Map.entry("KANAL_ADMIN_TOKEN", ADMIN_TOKEN),
                Map.entry("KANAL_OPEN311_API_KEY", OPEN311_KEY)));
        agent = kanal.createAccount("siti", Role.AGENT);
    }

    @AfterAll
    static void stop() {
        if (kanal != null) {
            kanal.close();
        }
        for (FakeMediaServer s : new FakeMediaServer[]{twilio, storage, telegram}) {
            if (s != null) {
                s.close();
            }
        }
    }

    private static String mediaPath(String media) {
        return "/2010-04-01/Accounts/" + SID + "/Messages/MM" + media + "/Media/ME" + media;
    }

    /** The complaint page once its first photo is no longer being fetched (the fetcher runs on the server's own thread). */
    private static JsonNode pageWhen(String ticket, Predicate<JsonNode> photo) throws Exception {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < end) {
            JsonNode page = agent.json(agent.get("/complaints/" + ticket + "/page"));
            if (page.get("photos").size() > 0 && photo.test(page.get("photos").get(0))) {
                return page;
            }
            Thread.sleep(20);
        }
        fail("the photo of " + ticket + " did not settle: " + agent.get("/complaints/" + ticket + "/page").body());
        return null;
    }

    private static HttpResponse<byte[]> getBytes(String path, Optional<String> cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(kanal.base() + path));
        cookie.ifPresent(c -> b.header("Cookie", c));
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void whatsAppPhoto_fetchedWithTheAccountsCredentials_shownToAnAgent_refusedWithoutASession() throws Exception {
        byte[] jpeg = TestImages.jpeg(320, 240);
        twilio.redirect(mediaPath("1"), storage.url().resolve("/media.twiliocdn.com/ME1?Expires=1&Signature=s1"));
        storage.file("/media.twiliocdn.com/ME1", "image/jpeg", jpeg);

        String ticket = new WhatsAppResident(kanal.base(), TOKEN, "+6281355550001")
                .fileWithPhoto(twilio.url() + mediaPath("1"), -6.1781, 106.6297);
        JsonNode page = pageWhen(ticket, p -> p.get("state").asText().equals("STORED"));

        // Twilio got the account's credentials; its storage host got none.
        String basic = "Basic " + Base64.getEncoder().encodeToString((SID + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.of(basic), twilio.requests(mediaPath("1")).getFirst().authorization());
        assertEquals(Optional.empty(), storage.requests("/media.twiliocdn.com/ME1").getFirst().authorization());

        JsonNode photo = page.get("photos").get(0);
        assertEquals("image/jpeg", photo.get("contentType").asText());
        assertEquals(jpeg.length, photo.get("sizeBytes").asLong());
        String href = photo.get("href").asText();
        assertEquals("/api/console/complaints/" + ticket + "/photos/0", href);

        HttpResponse<byte[]> shown = getBytes(href, Optional.of(agent.cookie));
        assertEquals(200, shown.statusCode());
        assertEquals(Optional.of("image/jpeg"), shown.headers().firstValue("Content-Type"));
        assertEquals(Optional.of("nosniff"), shown.headers().firstValue("X-Content-Type-Options"));
        assertEquals(Optional.of("no-store"), shown.headers().firstValue("Cache-Control"));
        assertArrayEquals(jpeg, shown.body());

        assertEquals(401, getBytes(href, Optional.empty()).statusCode(), "no session, no photo");
        assertEquals(401, getBytes(href, Optional.of("kanal_session=forged")).statusCode());
        assertEquals(404, getBytes("/api/console/complaints/" + ticket + "/photos/7", Optional.of(agent.cookie)).statusCode());
        assertEquals(400, getBytes("/api/console/complaints/" + ticket + "/photos/x", Optional.of(agent.cookie)).statusCode());

        assertNoProviderUrl(ticket);
    }

    /** The console, the staff complaints API and Open311 (with a key, so with details) never show where the photo came from. */
    private static void assertNoProviderUrl(String ticket) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<String> bodies = List.of(
                agent.get("/complaints/" + ticket + "/page").body(),
                agent.get("/complaints/" + ticket).body(),
                agent.get("/complaints").body(),
                http.send(HttpRequest.newBuilder(URI.create(kanal.base() + "/api/complaints/" + ticket))
                        .header("Authorization", "Bearer " + ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.ofString()).body(),
                http.send(HttpRequest.newBuilder(URI.create(kanal.base() + "/open311/v2/requests/" + ticket
                        + ".json?api_key=" + OPEN311_KEY)).build(), HttpResponse.BodyHandlers.ofString()).body(),
                http.send(HttpRequest.newBuilder(URI.create(kanal.base() + "/open311/v2/requests.json?api_key="
                        + OPEN311_KEY)).build(), HttpResponse.BodyHandlers.ofString()).body());
        for (String body : bodies) {
            assertTrue(body.contains(ticket), body);
            for (String leak : List.of(twilio.url().getAuthority(), telegram.url().getAuthority(), "/Media/ME",
                    "telegram-file:", BOT_TOKEN)) {
                assertFalse(body.contains(leak), "a provider's URL or reference (" + leak + ") leaked: " + body);
            }
        }
    }

    @Test
    void telegramPhoto_getFileWithItsFileId_thenTheFile_kept() throws Exception {
        String fileId = "AgACAgIAAxkBAAIBQ2abc";
        byte[] jpeg = TestImages.jpeg(160, 120);
        telegram.json("/bot" + BOT_TOKEN + "/getFile", 200, "{\"ok\":true,\"result\":{\"file_id\":\"" + fileId
                + "\",\"file_unique_id\":\"AQADx\",\"file_size\":" + jpeg.length + ",\"file_path\":\"photos/file_3.jpg\"}}");
        telegram.file("/file/bot" + BOT_TOKEN + "/photos/file_3.jpg", "application/octet-stream", jpeg);
        // A Telegram photo reaches the engine as the channel maps it: the largest size's file_id.
        Address chat = new Address(Channel.TELEGRAM, "777000111");
        kanal.resident(Channel.TELEGRAM, chat.value(), "ada banjir di perumahan");
        kanal.kanal().engine().handle(new InboundMessage("tg-photo-1", chat, "",
                List.of(new Media("telegram-file:" + fileId, "image/jpeg")), Optional.empty(), clock.instant()));
        kanal.resident(Channel.TELEGRAM, chat.value(), "Jl. Kenanga 5, Cibodas");
        String answer = kanal.resident(Channel.TELEGRAM, chat.value(), "ya");
        String ticket = answer.replaceAll("(?s).*(TNG-\\d{6}).*", "$1");

        JsonNode page = pageWhen(ticket, p -> p.get("state").asText().equals("STORED"));

        assertEquals(Optional.of("file_id=" + fileId), telegram.requests("/bot" + BOT_TOKEN + "/getFile").getFirst().query());
        assertEquals(1, telegram.requests("/file/bot" + BOT_TOKEN + "/photos/file_3.jpg").size());
        assertArrayEquals(jpeg, getBytes(page.get("photos").get(0).get("href").asText(), Optional.of(agent.cookie)).body());
        assertNoProviderUrl(ticket);
    }

    @Test
    void tooLargeOrNotAnImage_refused_andTheResidentStillHasTheirTicket() throws Exception {
        byte[] big = new byte[MAX_BYTES + 1];
        System.arraycopy(TestImages.jpeg(16, 16), 0, big, 0, 3);
        twilio.file(mediaPath("2"), "image/jpeg", big);
        twilio.file(mediaPath("3"), "image/jpeg", "%PDF-1.7\n1 0 obj".getBytes(StandardCharsets.US_ASCII));

        String large = new WhatsAppResident(kanal.base(), TOKEN, "+6281355550002")
                .fileWithPhoto(twilio.url() + mediaPath("2"), -6.2001, 106.6001);
        String pdf = new WhatsAppResident(kanal.base(), TOKEN, "+6281355550003")
                .fileWithPhoto(twilio.url() + mediaPath("3"), -6.2101, 106.6101);

        JsonNode largePhoto = pageWhen(large, p -> p.get("state").asText().equals("FAILED")).get("photos").get(0);
        assertEquals("Twilio media: larger than " + MAX_BYTES + " bytes", largePhoto.get("error").asText());
        assertTrue(largePhoto.get("href").isNull());
        JsonNode pdfPhoto = pageWhen(pdf, p -> p.get("state").asText().equals("FAILED")).get("photos").get(0);
        assertTrue(pdfPhoto.get("error").asText().startsWith("not an image"), pdfPhoto.toString());
        assertEquals(404, getBytes("/api/console/complaints/" + pdf + "/photos/0", Optional.of(agent.cookie)).statusCode());
        // The complaints are filed and routed whatever became of their photos.
        assertEquals("ASSIGNED", agent.json(agent.get("/complaints/" + large)).get("complaint").get("status").asText());
        assertEquals("ASSIGNED", agent.json(agent.get("/complaints/" + pdf)).get("complaint").get("status").asText());
    }

    @Test
    void twilioDown_thePhotoWaits_theComplaintIsFiledAtOnce() throws Exception {
        twilio.status(mediaPath("4"), 503);
        String ticket = new WhatsAppResident(kanal.base(), TOKEN, "+6281355550004")
                .fileWithPhoto(twilio.url() + mediaPath("4"), -6.2201, 106.6201);
        JsonNode photo = pageWhen(ticket, p -> p.get("attempts").asInt() >= 1).get("photos").get(0);
        assertEquals("PENDING", photo.get("state").asText());
        assertEquals("Twilio media: HTTP 503", photo.get("error").asText());
        assertEquals("ASSIGNED", agent.json(agent.get("/complaints/" + ticket)).get("complaint").get("status").asText());
    }
}
