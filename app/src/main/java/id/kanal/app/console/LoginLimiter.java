package id.kanal.app.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins counted per account and per client IP in a sliding window: past the limit, login
 * is refused (429) until the oldest failure leaves the window. Kept in memory: a restart forgets,
 * and each node counts its own, which still caps guessing at a few tries a minute per node.
 */
final class LoginLimiter {
    static final int PER_ACCOUNT = 5;
    static final int PER_IP = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginLimiter(Clock clock) {
        this.clock = clock;
    }

    /** How long until another try is allowed; zero when allowed now. */
    Duration retryAfter(String username, String ip) {
        Instant now = clock.instant();
        Duration a = wait("u:" + username, PER_ACCOUNT, now);
        Duration b = wait("ip:" + ip, PER_IP, now);
        return a.compareTo(b) >= 0 ? a : b;
    }

    void failed(String username, String ip) {
        Instant now = clock.instant();
        add("u:" + username, now);
        add("ip:" + ip, now);
    }

    /** A successful login clears the account's failures (not the IP's: one office shares an IP). */
    void succeeded(String username) {
        failures.remove("u:" + username);
    }

    private void add(String key, Instant now) {
        failures.compute(key, (k, q) -> {
            Deque<Instant> d = q == null ? new ArrayDeque<>() : q;
            prune(d, now);
            d.addLast(now);
            return d;
        });
    }

    private Duration wait(String key, int limit, Instant now) {
        Duration[] out = {Duration.ZERO};
        failures.computeIfPresent(key, (k, d) -> {
            prune(d, now);
            if (d.size() >= limit) {
                out[0] = Duration.between(now, d.peekFirst().plus(WINDOW));
            }
            return d.isEmpty() ? null : d;
        });
        return out[0];
    }

    private static void prune(Deque<Instant> d, Instant now) {
        while (!d.isEmpty() && !d.peekFirst().plus(WINDOW).isAfter(now)) {
            d.removeFirst();
        }
    }
}
