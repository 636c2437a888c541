package id.kanal.channels.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import id.kanal.dialog.InboundMessage;
import id.kanal.dialog.Language;
import id.kanal.dialog.Reply;
import id.kanal.dialog.Texts;
import id.kanal.dialog.port.OutboundMessage;
import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Telegram webhook through real Helidon routing, fed with recorded updates, replying to a fake Bot API. */
class TelegramWebhookServiceTest {
    static final String TOKEN = "7012345678:AAE-test-token";
    static final String SECRET = "webhook-secret-5d1f";
    static final String CHAT = "523901877";
    static final Duration WAIT = Duration.ofSeconds(5);

    // Per test instance: a reply the previous test's bot sends late lands in that test's fakes, never in this one's.
    private final List<InboundMessage> received = new CopyOnWriteArrayList<>();
    private final Map<String, Reply> answered = new ConcurrentHashMap<>();
    private final List<String[]> links = new CopyOnWriteArrayList<>();
    private final List<OutboundMessage> outbox = new CopyOnWriteArrayList<>();
    private volatile boolean handlerFails;
    /** Residents' remembered languages, by address value. */
    private final Map<String, Language> languages = new ConcurrentHashMap<>();
    private FakeBotApi api;
    private WebServer server;
    private WebServer unconfigured;
    private static final HttpClient http = HttpClient.newHttpClient();

    static final Reply MENU = new Reply("Layanan Tangerang:\n1 Lapor keluhan\n2 Cek status laporan\nBalas dengan angka.",
            List.of(new Reply.Option("1", "Lapor keluhan"), new Reply.Option("2", "Cek status laporan")), false);

    /** A fresh bot and Bot API per test: update ids it remembers, or a reply it sends late, must not leak between tests. */
    @BeforeEach
    void start() {
        api = new FakeBotApi();
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC);
        TelegramConfig config = config(Optional.of(SECRET));
        TelegramBot bot = new TelegramBot(new TelegramApi(new OkHttpTelegramClient(TOKEN, config.telegramUrl())),
                m -> {
                    if (handlerFails) {
                        throw new IllegalStateException("database down");
                    }
                    // Like the dialog: a provider id seen before gets its first reply and runs nothing.
                    return answered.computeIfAbsent(m.providerMessageId(), id -> {
                        received.add(m);
                        return m.text().equals("MENU") ? MENU : Reply.of("Balasan untuk: " + m.text());
                    });
                },
                (e164, chat) -> links.add(new String[] {e164, chat}),
                a -> Optional.ofNullable(languages.get(a.value())), outbox::add, clock);
        server = WebServer.builder().port(0)
                .routing(r -> r.register("/channels", new TelegramWebhookService(config, Optional.of(bot))))
                .build().start();
        unconfigured = WebServer.builder().port(0)
                .routing(r -> r.register("/channels", new TelegramWebhookService(config(Optional.empty()), Optional.of(bot))))
                .build().start();
    }

    TelegramConfig config(Optional<String> secret) {
        return new TelegramConfig(Optional.of(TOKEN), secret, api.url(), TelegramConfig.Mode.WEBHOOK);
    }

    @AfterEach
    void stop() {
        server.stop();
        unconfigured.stop();
        api.close();
    }

    enum Secret { VALID, MISSING, WRONG }

    /** One row: a recorded update, the secret sent, the status, what the dialog got, whether a reply is sent. */
    record Case(String label, String fixture, Secret secret, int status, Optional<String> dialogText, boolean replies) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("text message", "text.json", Secret.VALID, 200, Optional.of("lapor jalan rusak"), true),
                new Case("/start opens the menu", "start.json", Secret.VALID, 200, Optional.of("MENU"), true),
                new Case("button press is the input", "callback_query.json", Secret.VALID, 200, Optional.of("2"), true),
                new Case("shared location", "location.json", Secret.VALID, 200, Optional.of(""), true),
                new Case("photo with caption", "photo.json", Secret.VALID, 200, Optional.of("lubang besar depan pasar"), true),
                new Case("own contact links, no turn", "contact.json", Secret.VALID, 200, Optional.empty(), true),
                new Case("someone else's contact ignored", "contact-someone-else.json", Secret.VALID, 200, Optional.empty(), false),
                new Case("edited message ignored", "edited_message.json", Secret.VALID, 200, Optional.empty(), false),
                new Case("unknown update type ignored", "my_chat_member.json", Secret.VALID, 200, Optional.empty(), false),
                new Case("missing secret", "text.json", Secret.MISSING, 403, Optional.empty(), false),
                new Case("wrong secret", "text.json", Secret.WRONG, 403, Optional.empty(), false),
                // Malformed updates: ignored with 200, or 400 where the Bot API library already refuses to
                // read them (its required fields); never a 5xx, which Telegram would resend forever.
                new Case("location off the globe ignored", "location-out-of-range.json", Secret.VALID, 200, Optional.empty(), false),
                new Case("location without latitude refused", "location-null-latitude.json", Secret.VALID, 400, Optional.empty(), false),
                new Case("null location ignored", "location-null.json", Secret.VALID, 200, Optional.empty(), false),
                new Case("contact without a phone ignored", "contact-without-phone.json", Secret.VALID, 200, Optional.empty(), false),
                new Case("button press without sender or message ignored", "callback-without-from-or-message.json",
                        Secret.VALID, 200, Optional.empty(), false),
                new Case("null chat ignored", "chat-null.json", Secret.VALID, 200, Optional.empty(), false),
                new Case("chat without id refused", "chat-without-id.json", Secret.VALID, 400, Optional.empty(), false),
                new Case("malformed JSON", "malformed.json", Secret.VALID, 400, Optional.empty(), false),
                new Case("JSON that is not an update", "not-an-update.json", Secret.VALID, 400, Optional.empty(), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void post_recordedUpdate_answersAsExpected(Case c) throws Exception {
        HttpResponse<String> res = post(server, fixture(c.fixture()), switch (c.secret()) {
            case VALID -> SECRET;
            case MISSING -> null;
            case WRONG -> "webhook-secret-5d1e";
        });
        assertEquals(c.status(), res.statusCode(), res.body());
        assertEquals(c.dialogText().map(List::of).orElse(List.of()), received.stream().map(InboundMessage::text).toList());
        if (c.replies()) {
            List<FakeBotApi.Call> sent = api.await(calls -> !calls.stream().filter(x -> x.method().equals("sendmessage"))
                    .toList().isEmpty(), WAIT);
            FakeBotApi.Call call = sent.stream().filter(x -> x.method().equals("sendmessage")).findFirst().orElseThrow();
            assertEquals("/bot" + TOKEN + "/sendmessage", call.path());
            assertEquals(CHAT, call.body().get("chat_id").asText());
        } else {
            assertEquals(List.of(), api.calls(), "nothing may be sent");
        }
    }

    @Test
    void post_textLongerThanTelegramAllows_413AndNoTurn() throws Exception {
        String text = "a".repeat(TelegramUpdate.MAX_TEXT_CHARACTERS);
        assertEquals(200, post(server, fixture("text.json").replace("lapor jalan rusak", text), SECRET).statusCode());
        HttpResponse<String> res = post(server, fixture("text.json").replace("lapor jalan rusak", text + "a")
                .replace("718293", "718294"), SECRET);
        assertEquals(413, res.statusCode(), res.body());
        assertEquals(List.of(text), received.stream().map(InboundMessage::text).toList(), "only the text within the limit");
    }

    @Test
    void post_bodyAboveTheChannelCap_413() throws Exception {
        // Valid JSON padded past the cap with a field Kanal ignores: refused before it is parsed.
        String padded = fixture("text.json").replaceFirst("\\{", "{\"pad\":\""
                + "x".repeat(TelegramWebhookService.MAX_BODY_BYTES) + "\",");
        HttpResponse<String> res = post(server, padded, SECRET);
        assertEquals(413, res.statusCode(), res.body());
        assertEquals(List.of(), received);
    }

    @Test
    void post_start_sendsMenuWithInlineKeyboard() throws Exception {
        assertEquals(200, post(server, fixture("start.json"), SECRET).statusCode());
        JsonNode body = api.await(calls -> calls.size() == 1, WAIT).getFirst().body();
        assertEquals(CHAT, body.get("chat_id").asText());
        assertEquals(MENU.text(), body.get("text").asText());
        JsonNode keyboard = body.get("reply_markup").get("inline_keyboard");
        assertEquals(2, keyboard.size());
        assertEquals("1 Lapor keluhan", keyboard.get(0).get(0).get("text").asText());
        assertEquals("1", keyboard.get(0).get(0).get("callback_data").asText());
        assertEquals("2", keyboard.get(1).get(0).get("callback_data").asText());
    }

    @Test
    void post_callbackQuery_answersAndRunsTurn() throws Exception {
        assertEquals(200, post(server, fixture("callback_query.json"), SECRET).statusCode());
        List<FakeBotApi.Call> calls = api.await(c -> c.size() == 2, WAIT);
        // The bot answers the button, then replies; under load the outbox may send the held reply first.
        FakeBotApi.Call answer = calls.stream().filter(c -> c.method().equals("answercallbackquery")).findFirst().orElseThrow();
        FakeBotApi.Call reply = calls.stream().filter(c -> c.method().equals("sendmessage")).findFirst().orElseThrow();
        assertEquals("/bot" + TOKEN + "/answercallbackquery", answer.path());
        assertEquals("2250108537316415601", answer.body().get("callback_query_id").asText());
        assertEquals("Balasan untuk: 2", reply.body().get("text").asText());
        InboundMessage m = received.getFirst();
        assertEquals("718293003", m.providerMessageId());
        assertEquals(CHAT, m.from().value());
    }

    @Test
    void post_photo_keepsTheLargestSize() throws Exception {
        post(server, fixture("photo.json"), SECRET);
        InboundMessage m = received.getFirst();
        assertEquals("telegram-file:AgACAgUAAxkBAAIBoGc-large", m.media().getFirst().url());
        assertEquals("image/jpeg", m.media().getFirst().contentType());
    }

    @Test
    void post_location_becomesGeoPoint() throws Exception {
        post(server, fixture("location.json"), SECRET);
        InboundMessage m = received.getFirst();
        assertEquals(-6.178306, m.location().orElseThrow().latitude(), 1e-9);
        assertEquals(106.631889, m.location().orElseThrow().longitude(), 1e-9);
    }

    @Test
    void post_ownContact_linksPhoneNumberToChat() throws Exception {
        post(server, fixture("contact.json"), SECRET);
        assertEquals(1, links.size());
        assertEquals("+6281234567890", links.getFirst()[0]);
        assertEquals(CHAT, links.getFirst()[1]);
        JsonNode body = api.await(c -> c.size() == 1, WAIT).getFirst().body();
        // Nothing known about the chat or the number yet: both languages, from the bundles.
        assertEquals("Nomor Anda sudah terhubung. Kirim MENU untuk menu utama.\n"
                + "Your number is now linked. Send MENU for the main menu.", body.get("text").asText());
    }

    @Test
    void post_ownContact_numberKnownToSpeakEnglish_answersInEnglish() throws Exception {
        languages.put("+6281234567890", Language.EN);
        post(server, fixture("contact.json"), SECRET);
        JsonNode body = api.await(c -> c.size() == 1, WAIT).getFirst().body();
        assertEquals(Texts.builtIn().get(Language.EN, "telegram.linked"), body.get("text").asText());
    }

    @Test
    void post_ownContact_chatKnownToSpeakIndonesian_answersInIndonesian() throws Exception {
        languages.put(CHAT, Language.ID);
        languages.put("+6281234567890", Language.EN);
        post(server, fixture("contact.json"), SECRET);
        JsonNode body = api.await(c -> c.size() == 1, WAIT).getFirst().body();
        assertEquals(Texts.builtIn().get(Language.ID, "telegram.linked"), body.get("text").asText());
    }

    @Test
    void post_duplicateUpdateId_runsOneTurnAndSendsOneReply() throws Exception {
        assertEquals(200, post(server, fixture("text.json"), SECRET).statusCode());
        api.await(c -> c.size() == 1, WAIT);
        assertEquals(200, post(server, fixture("text.json"), SECRET).statusCode());
        // A third, different update proves the second was fully processed before we count.
        assertEquals(200, post(server, fixture("start.json"), SECRET).statusCode());
        api.await(c -> c.size() == 2, WAIT);
        assertEquals(2, api.calls("sendmessage").size());
        assertEquals(2, received.size());
    }

    @Test
    void post_withoutSecretConfigured_answers503() throws Exception {
        HttpResponse<String> res = post(unconfigured, fixture("text.json"), SECRET);
        assertEquals(503, res.statusCode());
        assertEquals(List.of(), received);
    }

    @Test
    void post_whenDialogFails_answers500SoTelegramRetries() throws Exception {
        handlerFails = true;
        assertEquals(500, post(server, fixture("text.json"), SECRET).statusCode());
        handlerFails = false;
        assertEquals(200, post(server, fixture("text.json"), SECRET).statusCode());
        assertEquals("Balasan untuk: lapor jalan rusak",
                api.await(c -> c.size() == 1, WAIT).getFirst().body().get("text").asText());
    }

    @Test
    void post_whenBotApiFailsWith5xx_replyGoesToOutbox() throws Exception {
        api.script("sendmessage", 502, "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}");
        assertEquals(200, post(server, fixture("text.json"), SECRET).statusCode());
        api.await(c -> c.size() == 1, WAIT);
        Instant deadline = Instant.now().plus(WAIT);
        while (outbox.isEmpty() && Instant.now().isBefore(deadline)) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        OutboundMessage m = outbox.getFirst();
        assertEquals(CHAT, m.to().value());
        assertEquals("Balasan untuk: lapor jalan rusak", m.body());
        assertEquals(OutboundMessage.REPLY, m.priority());
    }

    static HttpResponse<String> post(WebServer target, String body, String secret) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.port() + "/channels/telegram"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            req.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String fixture(String name) {
        try {
            return Files.readString(Path.of("src/test/resources/fixtures/telegram", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
