package id.kanal.channels.telegram;

import id.kanal.dialog.InboundMessage;
import id.kanal.dialog.Language;
import id.kanal.dialog.Texts;
import id.kanal.dialog.Reply;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Long polling against a fake Bot API: getUpdates delivers recorded updates, replies go to sendMessage. */
class TelegramPollingTest {
    @Test
    void poll_updatesFromGetUpdates_runTurnsAndReply() throws Exception {
        String text = TelegramWebhookServiceTest.fixture("text.json");
        String start = TelegramWebhookServiceTest.fixture("start.json");
        List<InboundMessage> received = new CopyOnWriteArrayList<>();
        try (FakeBotApi api = new FakeBotApi()) {
            api.script("getupdates", 200, "{\"ok\":true,\"result\":[" + text + "," + start + "]}");
            TelegramConfig config = new TelegramConfig(Optional.of(TelegramWebhookServiceTest.TOKEN), Optional.empty(),
                    api.url(), TelegramConfig.Mode.POLLING);
            TelegramBot bot = new TelegramBot(TelegramApi.create(config), m -> {
                received.add(m);
                return Reply.of("Balasan untuk: " + m.text());
            }, (e164, chat) -> { }, m -> { }, Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC));
            try (TelegramPolling polling = TelegramPolling.start(config, bot, 1)) {
                assertTrue(polling.isRunning());
                List<FakeBotApi.Call> calls = api.await(c -> c.stream().filter(x -> x.method().equals("sendmessage"))
                        .count() == 2 && c.stream().filter(x -> x.method().equals("getupdates")).count() >= 2,
                        Duration.ofSeconds(10));
                List<FakeBotApi.Call> polls = calls.stream().filter(x -> x.method().equals("getupdates")).toList();
                assertEquals("/bot" + TelegramWebhookServiceTest.TOKEN + "/getupdates", polls.getFirst().path());
                // After a batch, the next poll confirms it: offset = last update_id + 1.
                assertEquals(718293003, polls.get(1).body().get("offset").asInt());
                List<String> texts = calls.stream().filter(x -> x.method().equals("sendmessage"))
                        .map(x -> x.body().get("text").asText()).toList();
                assertEquals(List.of("Balasan untuk: lapor jalan rusak", "Balasan untuk: MENU"), texts);
                assertEquals(List.of("718293001", "718293002"), received.stream().map(InboundMessage::providerMessageId).toList());
            }
        }
    }

    @Test
    void poll_silentReply_sendsNothing() throws Exception {
        String text = TelegramWebhookServiceTest.fixture("text.json");
        String start = TelegramWebhookServiceTest.fixture("start.json");
        try (FakeBotApi api = new FakeBotApi()) {
            api.script("getupdates", 200, "{\"ok\":true,\"result\":[" + text + "," + start + "]}");
            TelegramConfig config = new TelegramConfig(Optional.of(TelegramWebhookServiceTest.TOKEN), Optional.empty(),
                    api.url(), TelegramConfig.Mode.POLLING);
            // The first message finds an agent owning the chat (the dialog is silent); the second gets an answer.
            TelegramBot bot = new TelegramBot(TelegramApi.create(config),
                    m -> m.text().equals("MENU") ? Reply.of("Menu") : Reply.silent(),
                    (e164, chat) -> { }, m -> { }, Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC));
            try (TelegramPolling polling = TelegramPolling.start(config, bot, 1)) {
                List<FakeBotApi.Call> calls = api.await(c -> c.stream().anyMatch(x -> x.method().equals("sendmessage"))
                        && c.stream().filter(x -> x.method().equals("getupdates")).count() >= 2, Duration.ofSeconds(10));
                List<String> texts = calls.stream().filter(x -> x.method().equals("sendmessage"))
                        .map(x -> x.body().get("text").asText()).toList();
                assertEquals(List.of("Menu"), texts, "no '-' for the silent turn");
            }
        }
    }

    @Test
    void poll_turnFails_apologisesInTheResidentsLanguage() throws Exception {
        String text = TelegramWebhookServiceTest.fixture("text.json");
        try (FakeBotApi api = new FakeBotApi()) {
            api.script("getupdates", 200, "{\"ok\":true,\"result\":[" + text + "]}");
            TelegramConfig config = new TelegramConfig(Optional.of(TelegramWebhookServiceTest.TOKEN), Optional.empty(),
                    api.url(), TelegramConfig.Mode.POLLING);
            TelegramBot bot = new TelegramBot(TelegramApi.create(config), m -> {
                throw new IllegalStateException("database down");
            }, (e164, chat) -> { }, a -> a.value().equals(TelegramWebhookServiceTest.CHAT)
                    ? Optional.of(Language.EN) : Optional.empty(), m -> { },
                    Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC));
            try (TelegramPolling polling = TelegramPolling.start(config, bot, 1)) {
                List<FakeBotApi.Call> calls = api.await(c -> c.stream().anyMatch(x -> x.method().equals("sendmessage")),
                        Duration.ofSeconds(10));
                List<String> texts = calls.stream().filter(x -> x.method().equals("sendmessage"))
                        .map(x -> x.body().get("text").asText()).toList();
                assertEquals(List.of(Texts.builtIn().get(Language.EN, "unavailable")), texts);
            }
        }
    }
}
