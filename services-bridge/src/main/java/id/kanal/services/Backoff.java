package id.kanal.services;

import java.time.Duration;
import java.util.Objects;

/** How long to wait before trying again: {@code first}, doubling with each attempt, at most {@code max}. */
public record Backoff(Duration first, Duration max) {
    public Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
    }

    /** The wait after the {@code attempts}-th failed attempt (1: {@code first}). */
    public Duration after(int attempts) {
        int doublings = Math.min(Math.max(0, attempts - 1), 20);
        Duration d = first.multipliedBy(1L << doublings);
        return d.compareTo(max) > 0 ? max : d;
    }
}
