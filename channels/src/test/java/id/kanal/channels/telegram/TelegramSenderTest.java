package id.kanal.channels.telegram;

import id.kanal.channels.outbox.SendResult;
import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How the sender classifies the Bot API's answers, against a fake Bot API (answers as Telegram documents them). */
class TelegramSenderTest {
    private static FakeBotApi api;
    private static TelegramSender sender;

    @BeforeAll
    static void start() {
        api = new FakeBotApi();
        sender = TelegramSender.create(new TelegramConfig(Optional.of(TelegramWebhookServiceTest.TOKEN), Optional.empty(),
                api.url(), TelegramConfig.Mode.WEBHOOK));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @BeforeEach
    void reset() {
        api.clear();
    }

    record Case(String label, int status, String body, SendResult expected) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("accepted", 200, "{\"ok\":true,\"result\":{\"message_id\":901,\"date\":1795316401,"
                        + "\"chat\":{\"id\":523901877,\"type\":\"private\"},\"text\":\"Laporan TNG-000123\"}}",
                        new SendResult.Sent("901")),
                new Case("429 honours retry_after", 429, "{\"ok\":false,\"error_code\":429,"
                        + "\"description\":\"Too Many Requests: retry after 7\",\"parameters\":{\"retry_after\":7}}",
                        new SendResult.RetryLater("", Optional.of(Duration.ofSeconds(7)))),
                new Case("403 bot was blocked: opted out", 403, "{\"ok\":false,\"error_code\":403,"
                        + "\"description\":\"Forbidden: bot was blocked by the user\"}",
                        new SendResult.Failed("", true)),
                new Case("500 is retried", 500, "{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error\"}",
                        new SendResult.RetryLater("", Optional.empty())),
                new Case("HTML 502 from a proxy is retried", 502, "<html><body>502 Bad Gateway</body></html>",
                        new SendResult.RetryLater("", Optional.empty())),
                new Case("400 chat not found is permanent", 400, "{\"ok\":false,\"error_code\":400,"
                        + "\"description\":\"Bad Request: chat not found\"}",
                        new SendResult.Failed("", false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void send_providerAnswer_isClassified(Case c) {
        api.script("sendmessage", c.status(), c.body());
        SendResult result = sender.send(new Address(Channel.TELEGRAM, "523901877"), "Laporan TNG-000123", Optional.empty());
        switch (c.expected()) {
            case SendResult.Sent s -> assertEquals(s, result);
            case SendResult.RetryLater r -> {
                SendResult.RetryLater got = assertInstance(SendResult.RetryLater.class, result);
                assertEquals(r.retryAfter(), got.retryAfter());
            }
            case SendResult.Failed f -> {
                SendResult.Failed got = assertInstance(SendResult.Failed.class, result);
                assertEquals(f.residentOptedOut(), got.residentOptedOut(), got.error());
            }
        }
        // The fake records a call just after answering it: wait for the record, not just the answer.
        FakeBotApi.Call call = api.await(calls -> !calls.isEmpty(), java.time.Duration.ofSeconds(5)).getFirst();
        assertEquals("/bot" + TelegramWebhookServiceTest.TOKEN + "/sendmessage", call.path());
        assertEquals("523901877", call.body().get("chat_id").asText());
        assertEquals("Laporan TNG-000123", call.body().get("text").asText());
    }

    private static <T> T assertInstance(Class<T> type, Object value) {
        if (!type.isInstance(value)) {
            throw new AssertionError("expected " + type.getSimpleName() + " but was " + value);
        }
        return type.cast(value);
    }
}
