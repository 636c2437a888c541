package id.kanal.app;

import id.kanal.channels.ussd.UssdSession;
import id.kanal.channels.ussd.UssdSessions;
import id.kanal.store.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** USSD sessions in the {@code ussd_session} table, so every node (and a restart) sees them. */
final class SqlUssdSessions implements UssdSessions {
    /** Sessions last a few minutes; a day keeps them for support questions, then they go. */
    private static final Duration KEEP = Duration.ofDays(1);
    private static final String COLUMNS = "session_id, phone, input_text, screen, screen_ends, page, resume_pending, updated_at";

    private final Database database;
    private final AtomicInteger saves = new AtomicInteger();

    SqlUssdSessions(Database database) {
        this.database = database;
    }

    @Override
    public Optional<UssdSession> find(String sessionId) {
        return database.read(c -> one(c, "SELECT " + COLUMNS + " FROM ussd_session WHERE session_id = ?", sessionId, null));
    }

    @Override
    public Optional<UssdSession> latestFor(String phone, String exceptSessionId) {
        return database.read(c -> one(c, "SELECT " + COLUMNS + " FROM ussd_session WHERE phone = ? AND session_id <> ? "
                + "ORDER BY updated_at DESC LIMIT 1", phone, exceptSessionId));
    }

    @Override
    public void save(UssdSession s) {
        boolean prune = saves.incrementAndGet() % 500 == 0;
        database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ussd_session (" + COLUMNS + ") "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (session_id) DO UPDATE SET phone = excluded.phone, "
                    + "input_text = excluded.input_text, screen = excluded.screen, screen_ends = excluded.screen_ends, "
                    + "page = excluded.page, resume_pending = excluded.resume_pending, updated_at = excluded.updated_at")) {
                ps.setString(1, s.sessionId());
                ps.setString(2, s.phone());
                ps.setString(3, s.text());
                ps.setString(4, s.screen());
                ps.setInt(5, s.screenEnds() ? 1 : 0);
                ps.setInt(6, s.page());
                ps.setInt(7, s.resumePending() ? 1 : 0);
                ps.setLong(8, s.updatedAt().toEpochMilli());
                ps.executeUpdate();
            }
            if (prune) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM ussd_session WHERE updated_at < ?")) {
                    ps.setLong(1, s.updatedAt().minus(KEEP).toEpochMilli());
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    private static Optional<UssdSession> one(Connection c, String sql, String first, String second) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, first);
            if (second != null) {
                ps.setString(2, second);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new UssdSession(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5) != 0, rs.getInt(6), rs.getInt(7) != 0, Instant.ofEpochMilli(rs.getLong(8))));
            }
        }
    }
}
