package id.kanal.store;

import java.time.Duration;
import java.util.Objects;

/**
 * How many connections {@link Database} keeps and how it looks after them.
 *
 * <p>The pool is fixed at {@code size} connections (SQLite and PostgreSQL alike): Kanal's load is
 * steady, and a fixed pool never waits for a new connection in the middle of a burst. The other
 * settings apply to PostgreSQL, whose server or a proxy on the way can drop a connection (see
 * HikariCP's <a href="https://github.com/brettwooldridge/HikariCP#gear-configuration-knobs-baby">configuration</a>):
 *
 * @param size              connections kept open (HikariCP's {@code maximumPoolSize} and {@code minimumIdle})
 * @param connectionTimeout how long a transaction waits for a free connection before it fails
 * @param validationTimeout how long a check that a connection is alive may take
 * @param keepaliveTime     how often an idle PostgreSQL connection is checked (and replaced when dead), so
 *                          a firewall or proxy that drops quiet connections never hands Kanal a dead one;
 *                          at least 30 s (HikariCP's minimum), shorter than {@code maxLifetime}
 * @param maxLifetime       a PostgreSQL connection is retired (when idle) after this long; keep it some
 *                          seconds shorter than any connection time limit imposed by the server or a proxy
 */
public record PoolOptions(int size, Duration connectionTimeout, Duration validationTimeout,
                          Duration keepaliveTime, Duration maxLifetime) {
    /** What Kanal used before the options existed: 8 connections, 10 s to get one, a 2 s check. */
    public static final PoolOptions DEFAULTS = new PoolOptions(8, Duration.ofSeconds(10), Duration.ofSeconds(2),
            Duration.ofMinutes(2), Duration.ofMinutes(30));

    public PoolOptions {
        if (size < 1) {
            throw new IllegalArgumentException("poolSize must be >= 1: " + size);
        }
        atLeast("connectionTimeout", connectionTimeout, Duration.ofMillis(250));
        atLeast("validationTimeout", validationTimeout, Duration.ofMillis(250));
        atLeast("keepaliveTime", keepaliveTime, Duration.ofSeconds(30));
        atLeast("maxLifetime", maxLifetime, Duration.ofSeconds(30));
        if (validationTimeout.compareTo(connectionTimeout) >= 0) {
            throw new IllegalArgumentException("validationTimeout (" + validationTimeout
                    + ") must be shorter than connectionTimeout (" + connectionTimeout + ")");
        }
        if (keepaliveTime.compareTo(maxLifetime) >= 0) {
            throw new IllegalArgumentException("keepaliveTime (" + keepaliveTime
                    + ") must be shorter than maxLifetime (" + maxLifetime + ")");
        }
    }

    /** These options with another pool size. */
    public PoolOptions withSize(int size) {
        return new PoolOptions(size, connectionTimeout, validationTimeout, keepaliveTime, maxLifetime);
    }

    private static void atLeast(String name, Duration value, Duration minimum) {
        Objects.requireNonNull(value, name);
        if (value.compareTo(minimum) < 0) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ": " + value);
        }
    }
}
