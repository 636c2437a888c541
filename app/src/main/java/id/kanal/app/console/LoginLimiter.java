package id.kanal.app.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slows password guessing per (account, client address) pair, never per account or per
 * address alone: a guesser elsewhere cannot lock an agent out (the right password from a clean
 * address always gets in), and a call centre behind one proxy does not share one allowance (the
 * address is the one a trusted proxy forwarded, see {@code ClientAddress}).
 *
 * <p>The first {@value #FREE_TRIES} failures of a pair cost nothing; after that each try must
 * wait {@link #FIRST_DELAY}, doubling per failure, capped at {@link #MAX_DELAY}. A pair quiet
 * for {@link #FORGET_AFTER} starts afresh. Counting is atomic: a try is {@link #reserve reserved}
 * (counted as a failure) before the password is checked and {@link Attempt#succeeded released}
 * on success, so parallel tries cannot get past the count. One node keeps the counts in memory
 * (a restart forgets); several nodes on PostgreSQL keep them in the database
 * ({@link SqlLoginCounts}), so a guesser gains nothing by spreading tries over the nodes.
 */
final class LoginLimiter {
    static final int FREE_TRIES = 5;
    static final Duration FIRST_DELAY = Duration.ofSeconds(2);
    static final Duration MAX_DELAY = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    /** Past this many pairs, idle ones are swept now and then: a guesser inventing names cannot fill the heap. */
    private static final int SWEEP_ABOVE = 10_000;

    /** A pair's failures so far (reserved tries included) and when its next try may start. */
    record Pair(int failures, Instant notBefore, Instant lastTry) {
    }

    /** Where the pairs are kept: changed atomically per pair. */
    interface Counts {
        /** Replaces the pair's entry (absent: null) with what {@code change} returns, atomically. */
        Pair change(String key, java.util.function.UnaryOperator<Pair> change);

        void forget(String key);

        /** Drops pairs whose last try is not after {@code idleSince}. */
        void sweep(Instant idleSince);

        int size();
    }

    /** The counts of one node, in memory. */
    static final class MemoryCounts implements Counts {
        private final Map<String, Pair> pairs = new ConcurrentHashMap<>();

        @Override
        public Pair change(String key, java.util.function.UnaryOperator<Pair> change) {
            return pairs.compute(key, (k, p) -> change.apply(p));
        }

        @Override
        public void forget(String key) {
            pairs.remove(key);
        }

        @Override
        public void sweep(Instant idleSince) {
            pairs.values().removeIf(p -> !p.lastTry().isAfter(idleSince));
        }

        @Override
        public int size() {
            return pairs.size();
        }
    }

    /** A reserved try: report its outcome with {@link #succeeded}; a failure is already counted. */
    final class Attempt {
        private final String key;

        private Attempt(String key) {
            this.key = key;
        }

        /** The right password: the pair starts afresh. */
        void succeeded() {
            pairs.forget(key);
        }
    }

    private final Clock clock;
    private final Counts pairs;
    private final AtomicInteger reservations = new AtomicInteger();

    LoginLimiter(Clock clock) {
        this(clock, new MemoryCounts());
    }

    LoginLimiter(Clock clock, Counts pairs) {
        this.clock = clock;
        this.pairs = pairs;
    }

    /**
     * Reserves a try for this pair, or says how long until one is allowed. A reserved try counts
     * as a failure until it {@link Attempt#succeeded succeeds}.
     */
    Reservation reserve(String username, String ip) {
        Instant now = clock.instant();
        String key = username + "\n" + ip;
        Duration[] wait = {Duration.ZERO};
        pairs.change(key, p -> {
            Pair current = p == null || !now.isBefore(p.lastTry().plus(FORGET_AFTER)) ? new Pair(0, now, now) : p;
            if (now.isBefore(current.notBefore())) {
                wait[0] = Duration.between(now, current.notBefore());
                return current;
            }
            int failures = current.failures() + 1;
            return new Pair(failures, now.plus(delayAfter(failures)), now);
        });
        if (reservations.incrementAndGet() % 1024 == 0 && pairs.size() > SWEEP_ABOVE) {
            pairs.sweep(now.minus(FORGET_AFTER));
        }
        return wait[0].isZero() ? new Reservation(Optional.of(new Attempt(key)), Duration.ZERO)
                : new Reservation(Optional.empty(), wait[0]);
    }

    /** How long a pair waits after this many failures: nothing for the free tries, then doubling to the cap. */
    static Duration delayAfter(int failures) {
        if (failures < FREE_TRIES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_TRIES, 20);
        Duration d = FIRST_DELAY.multipliedBy(1L << doublings);
        return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
    }

    /** A try granted ({@code attempt} present) or refused for {@code retryAfter}. */
    record Reservation(Optional<Attempt> attempt, Duration retryAfter) {
    }
}
