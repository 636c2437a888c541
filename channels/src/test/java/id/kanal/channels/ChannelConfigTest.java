package id.kanal.channels;

import id.kanal.channels.telegram.TelegramConfig;
import id.kanal.channels.ussd.UssdConfig;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each channel reads its own {@code kanal.<channel>} subtree; a bad value names its full key. */
class ChannelConfigTest {
    @Test
    void telegram_create_readsItsSubtree_modeByPublicUrl() {
        TelegramConfig none = TelegramConfig.create(subtree("telegram", Map.of()), false);
        assertEquals(TelegramConfig.Mode.POLLING, none.mode());
        assertEquals(TelegramConfig.DEFAULT_API_URL, none.apiUrl());
        assertTrue(none.botToken().isEmpty());
        assertEquals(TelegramConfig.Mode.WEBHOOK, TelegramConfig.create(subtree("telegram", Map.of()), true).mode());

        TelegramConfig set = TelegramConfig.create(subtree("telegram", Map.of("bot-token", " 123:abc ",
                "webhook-secret", "s", "api-url", "http://127.0.0.1:9", "mode", "Polling")), true);
        assertEquals(Optional.of("123:abc"), set.botToken());
        assertEquals(Optional.of("s"), set.webhookSecret());
        assertEquals(URI.create("http://127.0.0.1:9"), set.apiUrl());
        assertEquals(TelegramConfig.Mode.POLLING, set.mode());
    }

    @Test
    void telegram_create_badValues_nameTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TelegramConfig.create(subtree("telegram", Map.of("mode", "push")), false));
        assertTrue(e.getMessage().contains("kanal.telegram.mode"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> TelegramConfig.create(subtree("telegram", Map.of("api-url", "not a url")), false));
        assertTrue(e.getMessage().contains("kanal.telegram.api-url"), e.getMessage());
    }

    @Test
    void ussd_create_readsItsSubtree_badNetworkNamesTheKey() {
        UssdConfig set = UssdConfig.create(subtree("ussd", Map.of("allowed-ips", "196.201.214.0/24", "secret", "k")));
        assertEquals(1, set.allowed().size());
        assertEquals(Optional.of("k"), set.secret());
        assertEquals(UssdConfig.of(Optional.empty(), Optional.empty()).allowed().size(),
                UssdConfig.create(subtree("ussd", Map.of())).allowed().size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UssdConfig.create(subtree("ussd", Map.of("allowed-ips", "10.0.0.0/99"))));
        assertTrue(e.getMessage().contains("kanal.ussd.allowed-ips"), e.getMessage());
    }

    private static Config subtree(String channel, Map<String, String> keys) {
        Map<String, String> full = new HashMap<>();
        keys.forEach((k, v) -> full.put("kanal." + channel + "." + k, v));
        return Config.just(ConfigSources.create(full)).get("kanal." + channel);
    }
}
