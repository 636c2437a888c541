package id.kanal.channels.ussd;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link UssdSessions} in a map: for a single node and tests. */
final class MemoryUssdSessions implements UssdSessions {
    private static final Duration KEEP = Duration.ofDays(1);
    private final Map<String, UssdSession> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger saves = new AtomicInteger();

    @Override
    public Optional<UssdSession> find(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }

    @Override
    public Optional<UssdSession> latestFor(String phone, String exceptSessionId) {
        return sessions.values().stream()
                .filter(s -> s.phone().equals(phone) && !s.sessionId().equals(exceptSessionId))
                .max(Comparator.comparing(UssdSession::updatedAt));
    }

    @Override
    public void remember(UssdSession session) {
        save(session);
    }

    @Override
    public void save(UssdSession session) {
        sessions.put(session.sessionId(), session);
        if (saves.incrementAndGet() % 1000 == 0) {
            var cutoff = session.updatedAt().minus(KEEP);
            sessions.values().removeIf(s -> s.updatedAt().isBefore(cutoff));
        }
    }
}
