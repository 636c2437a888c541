package id.kanal.app.console;

import id.kanal.store.Database;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Console sessions in the database (a restart or a second node keeps agents logged in). The
 * cookie holds 256 random bits; the table holds only their SHA-256, so reading the table does
 * not let anyone log in.
 */
final class Sessions {
    private final Database db;
    private final Clock clock;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();

    Sessions(Database db, Clock clock, Duration ttl) {
        this.db = db;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** A new session for the account; returns the cookie token and the session. */
    Opened open(Account account) {
        String token = randomToken();
        String csrf = randomToken();
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        String hash = sha256(token);
        db.inTransaction(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM console_session WHERE expires_at < ?")) {
                del.setLong(1, now.toEpochMilli());
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO console_session "
                    + "(token_hash, username, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, hash);
                ps.setString(2, account.username());
                ps.setString(3, csrf);
                ps.setLong(4, now.toEpochMilli());
                ps.setLong(5, expires.toEpochMilli());
                ps.executeUpdate();
            }
            return null;
        });
        return new Opened(token, new Session(hash, account.username(), account.role(), csrf, expires));
    }

    /** The live session for a cookie token (the role is read fresh, so a demotion applies at once). */
    Optional<Session> find(String token) {
        String hash = sha256(token);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT s.username, a.role, s.csrf_token, s.expires_at "
                    + "FROM console_session s JOIN console_account a ON a.username = s.username WHERE s.token_hash = ?")) {
                ps.setString(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getLong(4) <= clock.millis()) {
                        return Optional.<Session>empty();
                    }
                    return Optional.of(new Session(hash, rs.getString(1), Role.of(rs.getString(2)), rs.getString(3),
                            Instant.ofEpochMilli(rs.getLong(4))));
                }
            }
        });
    }

    void close(Session session) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM console_session WHERE token_hash = ?")) {
                ps.setString(1, session.tokenHash());
                ps.executeUpdate();
            }
            return null;
        });
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
