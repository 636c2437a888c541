package id.kanal.app;

import id.kanal.channels.ussd.UssdSession;
import id.kanal.channels.ussd.UssdSessions;
import id.kanal.store.ussd.SqlUssdSessions;
import id.kanal.store.ussd.StoredUssdSession;

import java.util.Optional;

/**
 * The USSD adapter's sessions kept in the database ({@link SqlUssdSessions}), so every node and a
 * restart see them. The channels module and the store do not see each other, so their two session
 * types meet here.
 */
final class StoredUssdSessions implements UssdSessions {
    private final SqlUssdSessions table;

    StoredUssdSessions(SqlUssdSessions table) {
        this.table = table;
    }

    @Override
    public Optional<UssdSession> find(String sessionId) {
        return table.find(sessionId).map(StoredUssdSessions::session);
    }

    @Override
    public Optional<UssdSession> findCached(String sessionId) {
        return table.findCached(sessionId).map(StoredUssdSessions::session);
    }

    @Override
    public Optional<UssdSession> latestFor(String phone, String exceptSessionId) {
        return table.latestFor(phone, exceptSessionId).map(StoredUssdSessions::session);
    }

    @Override
    public void save(UssdSession s) {
        table.save(stored(s));
    }

    @Override
    public void remember(UssdSession s) {
        table.remember(stored(s));
    }

    private static StoredUssdSession stored(UssdSession s) {
        return new StoredUssdSession(s.sessionId(), s.phone(), s.text(), s.screen(), s.screenEnds(), s.page(),
                s.resumePending(), s.updatedAt());
    }

    private static UssdSession session(StoredUssdSession s) {
        return new UssdSession(s.sessionId(), s.phone(), s.text(), s.screen(), s.screenEnds(), s.page(),
                s.resumePending(), s.updatedAt());
    }
}
