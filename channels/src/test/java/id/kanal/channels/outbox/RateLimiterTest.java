package id.kanal.channels.outbox;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rate limits on an explicit timeline: no clock, no sleeps. */
class RateLimiterTest {
    private static final Instant T0 = Instant.parse("2026-11-22T03:00:00Z");

    @Test
    void telegram_onePerSecondPerChat_thirtyPerSecondOverall() {
        RateLimiter limiter = new RateLimiter(Map.of(Channel.TELEGRAM, RateLimit.TELEGRAM));
        Address chat = new Address(Channel.TELEGRAM, "1001");
        assertEquals(Duration.ZERO, limiter.tryAcquire(chat, T0));
        assertEquals(Duration.ofSeconds(1), limiter.tryAcquire(chat, T0), "a second message to one chat waits a second");
        assertEquals(Duration.ZERO, limiter.tryAcquire(chat, T0.plusSeconds(1)));

        // 30 different chats at once fill the overall burst (one already went above).
        int allowed = 0;
        for (int i = 0; i < 40; i++) {
            if (limiter.tryAcquire(new Address(Channel.TELEGRAM, "2" + i), T0.plusSeconds(1)).isZero()) {
                allowed++;
            }
        }
        assertTrue(allowed >= 28 && allowed <= 30, "allowed=" + allowed);
        Duration wait = limiter.tryAcquire(new Address(Channel.TELEGRAM, "3000"), T0.plusSeconds(1));
        assertTrue(!wait.isZero() && wait.compareTo(Duration.ofMillis(100)) < 0, "the next slot is 1/30 s away: " + wait);
    }

    /** Telegram limits each bot: a region's bot has its own 30/s beside the default one's, and its own 1/s per chat. */
    @Test
    void telegram_eachRegionsBotHasItsOwnLimits() {
        RateLimiter limiter = new RateLimiter(Map.of(Channel.TELEGRAM, RateLimit.TELEGRAM));
        for (int i = 0; i < 30; i++) {
            assertEquals(Duration.ZERO, limiter.tryAcquire(new Address(Channel.TELEGRAM, "2" + i), T0));
        }
        assertTrue(!limiter.tryAcquire(new Address(Channel.TELEGRAM, "3000"), T0).isZero(), "the default bot is full");
        Address sameChatOnTheKabupatensBot = new Address(Channel.TELEGRAM, "20").inRegion("kabupaten-tangerang");
        assertEquals(Duration.ZERO, limiter.tryAcquire(sameChatOnTheKabupatensBot, T0), "another bot, other limits");
        for (int i = 1; i < 30; i++) {
            assertEquals(Duration.ZERO, limiter.tryAcquire(
                    new Address(Channel.TELEGRAM, "2" + i).inRegion("kabupaten-tangerang"), T0));
        }
        assertTrue(!limiter.tryAcquire(new Address(Channel.TELEGRAM, "3000").inRegion("kabupaten-tangerang"), T0).isZero(),
                "the Kabupaten's bot is full too");
        assertEquals(Duration.ofSeconds(1), limiter.tryAcquire(sameChatOnTheKabupatensBot, T0),
                "a second message to one chat of that bot waits a second");
    }

    @Test
    void sms_configuredRate_spacesSendsAndLeavesOtherChannelsAlone() {
        RateLimiter limiter = new RateLimiter(Map.of(Channel.SMS, RateLimit.perSecond(2)));
        Address a = new Address(Channel.SMS, "+6281234567890");
        assertEquals(Duration.ZERO, limiter.tryAcquire(a, T0));
        assertEquals(Duration.ZERO, limiter.tryAcquire(a, T0), "a burst of two");
        assertEquals(Duration.ofMillis(500), limiter.tryAcquire(a, T0));
        assertEquals(Duration.ZERO, limiter.tryAcquire(a, T0.plusMillis(500)));
        for (int i = 0; i < 100; i++) {
            assertEquals(Duration.ZERO, limiter.tryAcquire(new Address(Channel.WHATSAPP, "+6281234567890"), T0));
        }
    }
}
