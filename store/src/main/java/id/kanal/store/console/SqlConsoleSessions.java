package id.kanal.store.console;

import id.kanal.store.Database;
import id.kanal.store.Statements;

import java.time.Instant;
import java.util.Optional;

/** {@link ConsoleSessions} in the {@code console_session} table, so a restart or a second node keeps agents logged in. */
public final class SqlConsoleSessions implements ConsoleSessions {
    private final Database db;

    public SqlConsoleSessions(Database db) {
        this.db = db;
    }

    @Override
    public void open(String tokenHash, String username, String csrfToken, Instant now, Instant expiresAt) {
        db.inTransaction(c -> {
            Statements.update(c, "DELETE FROM console_session WHERE expires_at < ?", now.toEpochMilli());
            return Statements.update(c, "INSERT INTO console_session (token_hash, username, csrf_token, created_at, "
                    + "expires_at) VALUES (?, ?, ?, ?, ?)", tokenHash, username, csrfToken, now.toEpochMilli(),
                    expiresAt.toEpochMilli());
        });
    }

    @Override
    public Optional<StoredSession> find(String tokenHash, Instant now) {
        return db.read(c -> Statements.first(c, "SELECT s.username, a.role, s.csrf_token, s.expires_at, a.region_code, a.agency_code "
                        + "FROM console_session s JOIN console_account a ON a.username = s.username WHERE s.token_hash = ?",
                rs -> new StoredSession(tokenHash, rs.getString(1), rs.getString(2), rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4)), Optional.ofNullable(rs.getString(5)),
                        Optional.ofNullable(rs.getString(6))), tokenHash))
                .filter(s -> s.expiresAt().isAfter(now));
    }

    @Override
    public void close(String tokenHash) {
        db.inTransaction(c -> Statements.update(c, "DELETE FROM console_session WHERE token_hash = ?", tokenHash));
    }
}
