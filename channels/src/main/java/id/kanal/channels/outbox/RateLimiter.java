package id.kanal.channels.outbox;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-channel and per-recipient send rates, by the generic cell rate algorithm: each key keeps
 * a "theoretical arrival time"; a send is allowed when it is no further ahead of now than the
 * burst allows. Time comes from the caller, so tests drive it with a clock and never sleep.
 */
final class RateLimiter {
    private final Map<Channel, RateLimit> limits;
    private final Map<Object, Instant> arrival = new HashMap<>();

    RateLimiter(Map<Channel, RateLimit> limits) {
        this.limits = Map.copyOf(limits);
    }

    /** Zero and takes a slot when the message may go now; otherwise how long until it may (and takes nothing). */
    synchronized Duration tryAcquire(Address to, Instant now) {
        RateLimit limit = limits.getOrDefault(to.channel(), RateLimit.UNLIMITED);
        Duration wait = wait(to.channel(), limit.perSecond(), Math.max(1, limit.perSecond()), now);
        Duration perRecipient = wait(to, limit.perRecipientPerSecond(), 1, now);
        if (perRecipient.compareTo(wait) > 0) {
            wait = perRecipient;
        }
        if (!wait.isZero()) {
            return wait;
        }
        take(to.channel(), limit.perSecond(), now);
        take(to, limit.perRecipientPerSecond(), now);
        if (arrival.size() > 100_000) {
            arrival.values().removeIf(t -> t.isBefore(now)); // forget recipients idle long enough
        }
        return Duration.ZERO;
    }

    private Duration wait(Object key, double rate, double burst, Instant now) {
        if (rate <= 0) {
            return Duration.ZERO;
        }
        Instant tat = arrival.getOrDefault(key, now);
        Instant allowedAt = tat.minusNanos((long) ((burst - 1) * interval(rate)));
        return allowedAt.isAfter(now) ? Duration.between(now, allowedAt) : Duration.ZERO;
    }

    private void take(Object key, double rate, Instant now) {
        if (rate <= 0) {
            return;
        }
        Instant tat = arrival.getOrDefault(key, now);
        arrival.put(key, (tat.isAfter(now) ? tat : now).plusNanos((long) interval(rate)));
    }

    private static double interval(double rate) {
        return 1_000_000_000d / rate;
    }
}
