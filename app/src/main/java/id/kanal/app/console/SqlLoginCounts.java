package id.kanal.app.console;

import id.kanal.store.Database;
import id.kanal.store.Statements;

import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The login throttle's counts in the database (table {@code login_throttle}), so that every node
 * of a PostgreSQL deployment counts the same failures. A change locks the pair's row for its
 * transaction ({@code SELECT ... FOR UPDATE}); a first try inserts an expired placeholder first,
 * so that two first tries on two nodes also queue on one row.
 */
final class SqlLoginCounts implements LoginLimiter.Counts {
    private final Database db;

    SqlLoginCounts(Database db) {
        this.db = db;
    }

    @Override
    public LoginLimiter.Pair change(String key, UnaryOperator<LoginLimiter.Pair> change) {
        return db.inTransaction(c -> {
            Statements.update(c, "INSERT INTO login_throttle (pair_key, failures, not_before, last_try) "
                    + "VALUES (?, 0, 0, 0) ON CONFLICT (pair_key) DO NOTHING", key);
            Optional<LoginLimiter.Pair> now = Statements.first(c, "SELECT failures, not_before, last_try "
                    + "FROM login_throttle WHERE pair_key = ? FOR UPDATE", rs -> new LoginLimiter.Pair(rs.getInt(1),
                    Instant.ofEpochMilli(rs.getLong(2)), Instant.ofEpochMilli(rs.getLong(3))), key);
            // The placeholder's last try is at the epoch: the limiter sees a pair long forgotten.
            LoginLimiter.Pair next = change.apply(now.orElse(null));
            Statements.update(c, "UPDATE login_throttle SET failures = ?, not_before = ?, last_try = ? WHERE pair_key = ?",
                    next.failures(), next.notBefore().toEpochMilli(), next.lastTry().toEpochMilli(), key);
            return next;
        });
    }

    @Override
    public void forget(String key) {
        db.inTransaction(c -> Statements.update(c, "DELETE FROM login_throttle WHERE pair_key = ?", key));
    }

    @Override
    public void sweep(Instant idleSince) {
        db.inTransaction(c -> Statements.update(c, "DELETE FROM login_throttle WHERE last_try <= ?",
                idleSince.toEpochMilli()));
    }

    @Override
    public int size() {
        return db.read(c -> Statements.first(c, "SELECT COUNT(*) FROM login_throttle", rs -> rs.getInt(1))).orElse(0);
    }
}
