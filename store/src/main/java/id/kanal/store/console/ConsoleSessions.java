package id.kanal.store.console;

import java.time.Instant;
import java.util.Optional;

/**
 * Console sessions as stored, keyed by the hash of the cookie token (the token itself is never
 * stored, so reading the table does not let anyone log in).
 */
public interface ConsoleSessions {
    /**
     * A live session; {@code role} and the desk (the account's region and agency, empty for all) are
     * the account's, read fresh with the session, so a demotion or a move applies at once.
     */
    record StoredSession(String tokenHash, String username, String role, String csrfToken, Instant expiresAt,
                         Optional<String> regionCode, Optional<String> agencyCode) {
    }

    /** Stores a new session, dropping the sessions that expired before {@code now}. */
    void open(String tokenHash, String username, String csrfToken, Instant now, Instant expiresAt);

    /** The session when it exists and has not expired at {@code now}. */
    Optional<StoredSession> find(String tokenHash, Instant now);

    void close(String tokenHash);
}
