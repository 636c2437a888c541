package id.kanal.app;

import id.kanal.channels.outbox.ArrivalTimes;
import id.kanal.store.Database;
import id.kanal.store.Statements;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The outbox's send rates in the database (table {@code send_rate}), shared by every node of a
 * PostgreSQL deployment: one step locks its keys' rows ({@code SELECT ... FOR UPDATE}, in key
 * order so two steps never wait on each other crosswise), decides, and writes them back in one
 * transaction. Times are nanoseconds since the epoch.
 */
final class SqlArrivalTimes implements ArrivalTimes {
    /** Every this many steps, rows that limit nothing any more are deleted. */
    private static final int SWEEP_EVERY = 1024;

    private final Database db;
    private final AtomicInteger steps = new AtomicInteger();

    SqlArrivalTimes(Database db) {
        this.db = db;
    }

    @Override
    public void update(List<String> keys, Instant now, Consumer<Map<String, Instant>> decide) {
        List<String> sorted = keys.stream().sorted().distinct().toList();
        db.inTransaction(c -> {
            Map<String, Instant> current = new HashMap<>();
            for (String key : sorted) {
                // A key seen for the first time gets a row to lock (at the epoch: it limits nothing).
                Statements.update(c, "INSERT INTO send_rate (rate_key, tat) VALUES (?, 0) ON CONFLICT (rate_key) DO NOTHING",
                        key);
                long tat = Statements.first(c, "SELECT tat FROM send_rate WHERE rate_key = ? FOR UPDATE",
                        rs -> rs.getLong(1), key).orElse(0L);
                if (tat > 0) {
                    current.put(key, Instant.ofEpochSecond(0, tat));
                }
            }
            decide.accept(current);
            for (Map.Entry<String, Instant> e : current.entrySet()) {
                Statements.update(c, "UPDATE send_rate SET tat = ? WHERE rate_key = ?", nanos(e.getValue()), e.getKey());
            }
            return null;
        });
        if (steps.incrementAndGet() % SWEEP_EVERY == 0) {
            db.inTransaction(c -> Statements.update(c, "DELETE FROM send_rate WHERE tat < ?", nanos(now)));
        }
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
