package id.kanal.app.console;

import id.kanal.store.Database;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Console accounts in the database: create, verify a login, list, change role or password, delete. */
public final class Accounts {
    private static final System.Logger LOG = System.getLogger(Accounts.class.getName());
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,31}");
    static final int MIN_PASSWORD = 8;

    private final Database db;
    private final PasswordHasher hasher;
    private final Clock clock;
    /** Verified against when the account does not exist, so a wrong username costs as long as a wrong password. */
    private final String decoy;

    public Accounts(Database db, PasswordHasher hasher, Clock clock) {
        this.db = db;
        this.hasher = hasher;
        this.clock = clock;
        this.decoy = hasher.hash("decoy-" + System.nanoTime());
    }

    /** Creates an account; IllegalArgumentException for a bad name, a short password or a taken name. */
    public Account create(String username, Role role, String password) {
        String name = checkUsername(username);
        checkPassword(password);
        String hash = hasher.hash(password);
        Instant now = clock.instant();
        return db.inTransaction(c -> {
            if (find(c, name).isPresent()) {
                throw new IllegalArgumentException("username already exists: " + name);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO console_account "
                    + "(username, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, name);
                ps.setString(2, role.id());
                ps.setString(3, hash);
                ps.setLong(4, now.toEpochMilli());
                ps.setLong(5, now.toEpochMilli());
                ps.executeUpdate();
            }
            LOG.log(System.Logger.Level.INFO, "console account created username={0} role={1}", name, role.id());
            return new Account(name, role, now);
        });
    }

    /**
     * The first start: with no account at all, creates {@code admin} with the configured password,
     * or a random one that is logged once (it is never stored in clear).
     *
     * @return the one-time password when one was generated
     */
    public Optional<String> ensureFirstAdmin(Optional<String> configured) {
        boolean empty = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM console_account");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 0;
            }
        });
        if (!empty) {
            return Optional.empty();
        }
        String password = configured.orElseGet(Accounts::oneTimePassword);
        create("admin", Role.ADMIN, password);
        if (configured.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "first start: console account admin created with one-time password={0} "
                    + "(shown once; change it, or set KANAL_ADMIN_PASSWORD before the first start)", password);
        } else {
            LOG.log(System.Logger.Level.INFO, "first start: console account admin created from KANAL_ADMIN_PASSWORD");
        }
        return configured.isEmpty() ? Optional.of(password) : Optional.empty();
    }

    /** The account when the password is right. */
    public Optional<Account> verify(String username, String password) {
        Optional<Row> row = db.read(c -> find(c, username.strip().toLowerCase(java.util.Locale.ROOT)));
        boolean ok = hasher.verify(password, row.map(Row::hash).orElse(decoy));
        return ok ? row.map(Row::account) : Optional.empty();
    }

    public Optional<Account> find(String username) {
        return db.read(c -> find(c, username).map(Row::account));
    }

    public List<Account> list() {
        return db.read(c -> {
            List<Account> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT username, role, password_hash, created_at FROM console_account ORDER BY username");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs).account());
                }
            }
            return out;
        });
    }

    public void setRole(String username, Role role) {
        update("UPDATE console_account SET role = ?, updated_at = ? WHERE username = ?", role.id(), username);
    }

    public void setPassword(String username, String password) {
        checkPassword(password);
        update("UPDATE console_account SET password_hash = ?, updated_at = ? WHERE username = ?",
                hasher.hash(password), username);
        // A new password ends the sessions opened with the old one.
        db.inTransaction(c -> deleteSessions(c, username));
    }

    public void delete(String username) {
        db.inTransaction(c -> {
            deleteSessions(c, username);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM console_account WHERE username = ?")) {
                ps.setString(1, username);
                if (ps.executeUpdate() == 0) {
                    throw ConsoleException.notFound("no such account: " + username);
                }
            }
            return null;
        });
    }

    private void update(String sql, String value, String username) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, value);
                ps.setLong(2, clock.millis());
                ps.setString(3, username);
                if (ps.executeUpdate() == 0) {
                    throw ConsoleException.notFound("no such account: " + username);
                }
            }
            return null;
        });
    }

    private static Object deleteSessions(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM console_session WHERE username = ?")) {
            ps.setString(1, username);
            ps.executeUpdate();
        }
        return null;
    }

    private static Optional<Row> find(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT username, role, password_hash, created_at FROM console_account WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(new Account(rs.getString(1), Role.of(rs.getString(2)), Instant.ofEpochMilli(rs.getLong(4))),
                rs.getString(3));
    }

    static String checkUsername(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw new IllegalArgumentException("username must be 2-32 characters a-z, 0-9, '.', '_' or '-': " + username);
        }
        return name;
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("password must have at least " + MIN_PASSWORD + " characters");
        }
    }

    private static String oneTimePassword() {
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private record Row(Account account, String hash) {
    }
}
