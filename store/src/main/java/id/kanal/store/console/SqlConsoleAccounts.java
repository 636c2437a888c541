package id.kanal.store.console;

import id.kanal.store.Database;
import id.kanal.store.Statements;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link ConsoleAccounts} in the {@code console_account} table (sessions in {@code console_session}). */
public final class SqlConsoleAccounts implements ConsoleAccounts {
    private static final String SELECT = "SELECT username, role, password_hash, created_at, region_code, agency_code FROM console_account ";

    private final Database db;

    public SqlConsoleAccounts(Database db) {
        this.db = db;
    }

    @Override
    public boolean create(StoredAccount a) {
        return db.inTransaction(c -> {
            if (find(c, a.username()).isPresent()) {
                return false;
            }
            Statements.update(c, "INSERT INTO console_account (username, role, password_hash, created_at, updated_at, "
                            + "region_code, agency_code) VALUES (?, ?, ?, ?, ?, ?, ?)", a.username(), a.role(),
                    a.passwordHash(), a.createdAt().toEpochMilli(), a.createdAt().toEpochMilli(),
                    a.regionCode().orElse(null), a.agencyCode().orElse(null));
            return true;
        });
    }

    @Override
    public boolean isEmpty() {
        return db.read(c -> Statements.first(c, "SELECT COUNT(*) FROM console_account", rs -> rs.getLong(1))
                .orElse(0L) == 0);
    }

    @Override
    public Optional<StoredAccount> find(String username) {
        return db.read(c -> find(c, username));
    }

    @Override
    public List<StoredAccount> list() {
        return db.read(c -> Statements.list(c, SELECT + "ORDER BY username", SqlConsoleAccounts::row));
    }

    @Override
    public boolean setDesk(String username, Optional<String> regionCode, Optional<String> agencyCode, Instant at) {
        return db.inTransaction(c -> Statements.update(c,
                "UPDATE console_account SET region_code = ?, agency_code = ?, updated_at = ? WHERE username = ?",
                regionCode.orElse(null), agencyCode.orElse(null), at.toEpochMilli(), username) > 0);
    }

    @Override
    public boolean setRole(String username, String role, Instant at) {
        return db.inTransaction(c -> Statements.update(c,
                "UPDATE console_account SET role = ?, updated_at = ? WHERE username = ?",
                role, at.toEpochMilli(), username) > 0);
    }

    @Override
    public boolean setPasswordHash(String username, String passwordHash, Instant at) {
        return db.inTransaction(c -> {
            boolean found = Statements.update(c,
                    "UPDATE console_account SET password_hash = ?, updated_at = ? WHERE username = ?",
                    passwordHash, at.toEpochMilli(), username) > 0;
            deleteSessions(c, username);
            return found;
        });
    }

    @Override
    public Optional<String> language(String username) {
        return db.read(c -> Statements.first(c, "SELECT language FROM console_account WHERE username = ?",
                rs -> rs.getString(1), username));
    }

    @Override
    public boolean setLanguage(String username, String language, Instant at) {
        return db.inTransaction(c -> Statements.update(c,
                "UPDATE console_account SET language = ?, updated_at = ? WHERE username = ?",
                language, at.toEpochMilli(), username) > 0);
    }

    @Override
    public boolean delete(String username) {
        return db.inTransaction(c -> {
            deleteSessions(c, username);
            return Statements.update(c, "DELETE FROM console_account WHERE username = ?", username) > 0;
        });
    }

    private static void deleteSessions(Connection c, String username) throws SQLException {
        Statements.update(c, "DELETE FROM console_session WHERE username = ?", username);
    }

    private static Optional<StoredAccount> find(Connection c, String username) throws SQLException {
        return Statements.first(c, SELECT + "WHERE username = ?", SqlConsoleAccounts::row, username);
    }

    private static StoredAccount row(ResultSet rs) throws SQLException {
        return new StoredAccount(rs.getString(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)),
                Optional.ofNullable(rs.getString(5)), Optional.ofNullable(rs.getString(6)));
    }
}
