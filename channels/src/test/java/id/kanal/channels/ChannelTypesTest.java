package id.kanal.channels;

import id.kanal.channels.outbox.RateLimit;
import id.kanal.channels.telegram.TelegramChannel;
import id.kanal.channels.telegram.TelegramLinks;
import id.kanal.channels.twilio.TwilioChannel;
import id.kanal.channels.ussd.UssdChannel;
import id.kanal.channels.ussd.UssdSessions;
import id.kanal.dialog.Channel;
import id.kanal.dialog.Reply;
import id.kanal.dialog.port.ConversationStore;
import id.kanal.dialog.port.OutboxQueue;
import id.kanal.dialog.port.ResidentRegistry;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Twilio, Telegram and USSD through the contract: made from their settings, what they send, limit and report. */
class ChannelTypesTest {
    private static final ChannelContext CONTEXT = new ChannelContext(m -> Reply.of("ok"), m -> { }, unused(OutboxQueue.class),
            ResidentRegistry.none(), unused(ConversationStore.class), "https://kanal.test/",
            Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC), Map.of());

    @Test
    void twilio_withoutAccount_receivesButDoesNotSend() {
        KanalChannel twilio = make(TwilioChannel.TYPE, Map.of("kanal.twilio.auth-token", "tok"), CONTEXT);
        assertEquals("twilio", twilio.name());
        assertTrue(twilio.sender().isEmpty());
        assertEquals(Map.of(), twilio.limits(), "another channel may send and limit SMS");
        assertEquals(ChannelHealth.State.UP, twilio.health().state());
        assertEquals("off", twilio.health().details().get("sending"));
    }

    @Test
    void twilio_withAccountAndNumber_sendsSmsAndUssdAtItsRate() {
        KanalChannel twilio = make(TwilioChannel.TYPE, Map.of("kanal.twilio.account-sid", "AC1", "kanal.twilio.auth-token",
                "tok", "kanal.twilio.sms-from", "+6221500999", "kanal.twilio.sms-rate-per-second", "3"), CONTEXT);
        assertEquals(EnumSet.of(Channel.SMS, Channel.USSD), twilio.sender().orElseThrow().channels());
        assertEquals(Map.of(Channel.SMS, RateLimit.perSecond(3), Channel.USSD, RateLimit.perSecond(3)), twilio.limits());
    }

    @Test
    void telegram_withoutBot_isOffButMounted() {
        KanalChannel telegram = make(TelegramChannel.TYPE, Map.of(), CONTEXT);
        assertTrue(telegram.sender().isEmpty());
        assertEquals(Map.of(), telegram.limits());
        telegram.start();
        assertEquals(ChannelHealth.State.UP, telegram.health().state());
        assertEquals("off", telegram.health().details().get("bot"));
        telegram.close();
    }

    @Test
    void telegram_withBot_needsTheChatLinks_andSends() {
        Map<String, String> keys = Map.of("kanal.telegram.bot-token", "123:abc", "kanal.telegram.mode", "webhook");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> make(TelegramChannel.TYPE, keys, CONTEXT));
        assertTrue(e.getMessage().contains(TelegramLinks.class.getName()), e.getMessage());

        KanalChannel telegram = make(TelegramChannel.TYPE, keys, CONTEXT.withPort(TelegramLinks.class, (e164, chat) -> { }));
        assertEquals(Set.of(Channel.TELEGRAM), telegram.sender().orElseThrow().channels());
        assertEquals(Map.of(Channel.TELEGRAM, RateLimit.TELEGRAM), telegram.limits());
    }

    @Test
    void ussd_needsItsSessions_sendsNothingItself() {
        assertThrows(IllegalStateException.class, () -> make(UssdChannel.TYPE, Map.of(), CONTEXT));
        KanalChannel ussd = make(UssdChannel.TYPE, Map.of(), CONTEXT.withPort(UssdSessions.class, UssdSessions.inMemory()));
        assertTrue(ussd.sender().isEmpty());
        assertEquals(Map.of(), ussd.limits());
        assertTrue(ussd.health().details().get("state").startsWith("off until"), "no gateway named: off");
        KanalChannel named = make(UssdChannel.TYPE, Map.of("kanal.ussd.allowed-ips", "10.1.0.0/16"),
                CONTEXT.withPort(UssdSessions.class, UssdSessions.inMemory()));
        assertEquals("not required", named.health().details().get("key"));
        assertEquals("1", named.health().details().get("allowed-networks"));
    }

    @Test
    void context_refusesAPortOfTheWrongType_andTrimsThePublicUrl() {
        assertThrows(IllegalArgumentException.class, () -> CONTEXT.withPort((Class) UssdSessions.class, "not sessions"));
        assertEquals("https://kanal.test", CONTEXT.publicUrl());
    }

    @Test
    void badSetting_failsWhenReadNamingItsKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TelegramChannel.TYPE.settings(kanal(Map.of("kanal.telegram.mode", "push"))));
        assertTrue(e.getMessage().contains("kanal.telegram.mode"), e.getMessage());
    }

    private static <S> KanalChannel make(ChannelType<S> type, Map<String, String> keys, ChannelContext context) {
        return type.create(type.settings(kanal(keys)), context).orElseThrow();
    }

    private static Config kanal(Map<String, String> keys) {
        return Config.just(ConfigSources.create(keys)).get("kanal");
    }

    /** A port these channels hold but never call while being made. */
    private static <T> T unused(Class<T> port) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (p, m, a) -> {
            throw new UnsupportedOperationException(port.getSimpleName() + "." + m.getName());
        }));
    }
}
