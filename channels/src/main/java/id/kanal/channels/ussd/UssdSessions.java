package id.kanal.channels.ussd;

import java.util.Optional;

/** Where USSD sessions are kept (a table shared by every node, or memory for one node and tests). */
public interface UssdSessions {
    Optional<UssdSession> find(String sessionId);

    /**
     * The session when it is at hand without a database read; empty when it is not, even if the
     * database has it (a restart, or pushed out of memory). For a gateway's first request, which run
     * again answers the same. By default (in memory, or a database several nodes share) {@link #find}.
     */
    default Optional<UssdSession> findCached(String sessionId) {
        return find(sessionId);
    }

    /** The most recently updated session of a phone number other than {@code exceptSessionId}. */
    Optional<UssdSession> latestFor(String phone, String exceptSessionId);

    /** Inserts or replaces the session with its id. */
    void save(UssdSession session);

    /**
     * Keeps the session at hand for {@link #find} and {@link #findCached} without writing it, where
     * memory is at hand (one node); for a session that, lost, behaves as none. By default nothing.
     */
    default void remember(UssdSession session) {
    }

    /** In memory, for one node and tests; sessions older than a day are forgotten. */
    static UssdSessions inMemory() {
        return new MemoryUssdSessions();
    }
}
