package id.kanal.channels.outbox;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Per-channel (or per region's sender, {@link RateLimit#perRegion}) and per-recipient send rates, by the generic cell rate algorithm: each key keeps
 * a "theoretical arrival time"; a send is allowed when it is no further ahead of now than the
 * burst allows. Time comes from the caller, so tests drive it with a clock and never sleep. The
 * times live in {@link ArrivalTimes}: in memory, or in the database when several nodes send.
 */
public final class RateLimiter {
    private final Map<Channel, RateLimit> limits;
    private final ArrivalTimes arrival;

    RateLimiter(Map<Channel, RateLimit> limits) {
        this(limits, ArrivalTimes.inMemory());
    }

    public RateLimiter(Map<Channel, RateLimit> limits, ArrivalTimes arrival) {
        this.limits = Map.copyOf(limits);
        this.arrival = arrival;
    }

    /** Zero and takes a slot when the message may go now; otherwise how long until it may (and takes nothing). */
    public Duration tryAcquire(Address to, Instant now) {
        RateLimit limit = limits.getOrDefault(to.channel(), RateLimit.UNLIMITED);
        if (limit.perSecond() <= 0 && limit.perRecipientPerSecond() <= 0) {
            return Duration.ZERO;
        }
        // A region's own bot has a limit of its own: its residents are the ones with its region.
        String channel = "c:" + to.channel().id() + (limit.perRegion() ? to.region().map(r -> "@" + r).orElse("") : "");
        String recipient = "r:" + to.channel().id() + ":" + to.value();
        Duration[] result = {Duration.ZERO};
        arrival.update(List.of(channel, recipient), now, tats -> {
            Duration wait = wait(tats.get(channel), limit.perSecond(), Math.max(1, limit.perSecond()), now);
            Duration perRecipient = wait(tats.get(recipient), limit.perRecipientPerSecond(), 1, now);
            if (perRecipient.compareTo(wait) > 0) {
                wait = perRecipient;
            }
            result[0] = wait;
            if (wait.isZero()) {
                take(tats, channel, limit.perSecond(), now);
                take(tats, recipient, limit.perRecipientPerSecond(), now);
            }
        });
        return result[0];
    }

    private static Duration wait(Instant stored, double rate, double burst, Instant now) {
        if (rate <= 0) {
            return Duration.ZERO;
        }
        Instant tat = stored == null ? now : stored;
        Instant allowedAt = tat.minusNanos((long) ((burst - 1) * interval(rate)));
        return allowedAt.isAfter(now) ? Duration.between(now, allowedAt) : Duration.ZERO;
    }

    private static void take(Map<String, Instant> tats, String key, double rate, Instant now) {
        if (rate <= 0) {
            return;
        }
        Instant tat = tats.getOrDefault(key, now);
        tats.put(key, (tat.isAfter(now) ? tat : now).plusNanos((long) interval(rate)));
    }

    private static double interval(double rate) {
        return 1_000_000_000d / rate;
    }
}
