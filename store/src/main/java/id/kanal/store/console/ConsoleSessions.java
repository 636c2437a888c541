package id.kanal.store.console;

import java.time.Instant;
import java.util.Optional;

/**
 * Console sessions as stored, keyed by the hash of the cookie token (the token itself is never
 * stored, so reading the table does not let anyone log in).
 */
public interface ConsoleSessions {
    /**
     * A live session; {@code role} is the account's role id, read fresh with the session, so a
     * demotion applies at once.
     */
    record StoredSession(String tokenHash, String username, String role, String csrfToken, Instant expiresAt) {
    }

    /** Stores a new session, dropping the sessions that expired before {@code now}. */
    void open(String tokenHash, String username, String csrfToken, Instant now, Instant expiresAt);

    /** The session when it exists and has not expired at {@code now}. */
    Optional<StoredSession> find(String tokenHash, Instant now);

    void close(String tokenHash);
}
