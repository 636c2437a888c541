package id.kanal.channels.outbox;

import id.kanal.dialog.Channel;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the outbox sender works.
 *
 * @param lease        how long a claimed row stays with its sender: longer than one send can
 *                     take (HTTP timeout plus margin), since a row whose lease runs out is sent again
 * @param batchSize    rows claimed at once
 * @param backoffBase  the wait after the first failed attempt; doubled after each further one
 * @param backoffMax   the longest wait between attempts
 * @param maxAttempts  attempts before a message is given up as FAILED
 * @param pollInterval the longest the background sender sleeps when nobody wakes it
 * @param rates        per-channel rate limits (absent: unlimited)
 */
public record OutboxPolicy(Duration lease, int batchSize, Duration backoffBase, Duration backoffMax, int maxAttempts,
                           Duration pollInterval, Map<Channel, RateLimit> rates) {
    public OutboxPolicy {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(backoffBase, "backoffBase");
        Objects.requireNonNull(backoffMax, "backoffMax");
        Objects.requireNonNull(pollInterval, "pollInterval");
        rates = Map.copyOf(rates);
        if (batchSize < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("batchSize and maxAttempts must be >= 1");
        }
    }

    /** Production defaults: 60 s lease, 5 s doubling to 15 min, 10 attempts (about 40 minutes); the channels' own limits. */
    public static OutboxPolicy defaults(Map<Channel, RateLimit> rates) {
        return new OutboxPolicy(Duration.ofSeconds(60), 20, Duration.ofSeconds(5), Duration.ofMinutes(15), 10,
                Duration.ofSeconds(1), rates);
    }

    /** The wait after {@code attempts} failed attempts (1, 2, ...): base * 2^(attempts-1), at most the maximum. */
    Duration backoff(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration d = backoffBase.multipliedBy(1L << doublings);
        return d.compareTo(backoffMax) > 0 ? backoffMax : d;
    }
}
