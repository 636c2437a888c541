package id.kanal.app.console;

import id.kanal.store.console.ConsoleSessions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Console sessions, kept by {@link ConsoleSessions} (a restart or a second node keeps agents
 * logged in). The cookie holds 256 random bits; only their SHA-256 is stored, so reading the
 * table does not let anyone log in.
 */
final class Sessions {
    private final ConsoleSessions stored;
    private final Clock clock;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();
    private final Consumer<String> closed;

    /** @param closed told the token hash of each session closed (logout), after it is closed */
    Sessions(ConsoleSessions stored, Clock clock, Duration ttl, Consumer<String> closed) {
        this.stored = stored;
        this.clock = clock;
        this.ttl = ttl;
        this.closed = closed;
    }

    /** A new session for the account; returns the cookie token and the session. */
    Opened open(Account account) {
        String token = randomToken();
        String csrf = randomToken();
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        String hash = sha256(token);
        stored.open(hash, account.username(), csrf, now, expires);
        return new Opened(token, new Session(hash, account.username(), account.role(), csrf, expires,
                account.desk()));
    }

    /** The live session for a cookie token (role and desk are read fresh, so a demotion or a move applies at once). */
    Optional<Session> find(String token) {
        String hash = sha256(token);
        return stored.find(hash, clock.instant()).map(s -> new Session(hash, s.username(), Role.of(s.role()),
                s.csrfToken(), s.expiresAt(), new Desk(s.regionCode(), s.agencyCode())));
    }

    void close(Session session) {
        stored.close(session.tokenHash());
        closed.accept(session.tokenHash());
    }

    Duration ttl() {
        return ttl;
    }

    private String randomToken() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    record Opened(String token, Session session) {
    }
}
