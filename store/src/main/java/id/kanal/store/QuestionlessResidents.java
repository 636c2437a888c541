package id.kanal.store;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Which residents may have an unanswered question, held in memory so that a "1" or a "ya" (most
 * of them menu choices) does not look a question up when its resident has none. The set is every
 * resident key that would find a question: the asked person's and the channel linked to it. It
 * is good only while nothing was asked and no Telegram chat was linked since it was read: every
 * such write counts a change once it has committed, and the next turn reads the set again
 * (questions are rare; answers only shrink the set, so they need no count).
 *
 * <p>Only on SQLite, which has one node: on PostgreSQL another node may ask, and this node would
 * not hear of it, so every message looks. A write that cannot say when it committed (outside
 * {@link Database#inTransaction}) turns the set off for the life of the process; so does a set
 * larger than its bound, until the next change.
 */
public final class QuestionlessResidents {
    private static final AtomicLong CHANGES = new AtomicLong();
    private static volatile boolean trusted = true;

    private final boolean enabled;
    private final LongFunction<Optional<Set<String>>> load;
    private volatile Snapshot snapshot;

    /** The set as read after {@code changes} changes, covering questions asked at or after {@code sinceMillis}. */
    private record Snapshot(long changes, long sinceMillis, Optional<Set<String>> keys) {
    }

    /**
     * @param load the keys that would find a question asked at or after the given epoch millisecond,
     *             or empty when there are more than the set may hold
     */
    public QuestionlessResidents(Dialect dialect, LongFunction<Optional<Set<String>>> load) {
        this.enabled = dialect == Dialect.SQLITE;
        this.load = load;
    }

    /**
     * Called inside the transaction that asks a question or links a person's channels: counts a
     * change once it commits (a set read before the commit carries the older count).
     */
    public static void changing() {
        if (!Database.afterCommit(CHANGES::incrementAndGet)) {
            trusted = false;
        }
        CHANGES.incrementAndGet();
    }

    /** Whether the resident surely has no unanswered question asked at or after {@code sinceMillis}. */
    public boolean without(String residentKey, long sinceMillis) {
        if (!enabled || !trusted) {
            return false;
        }
        long changes = CHANGES.get();
        Snapshot s = snapshot;
        if (s == null || s.changes() != changes || sinceMillis < s.sinceMillis()) {
            // Read after taking the count: a question committed meanwhile counts past it.
            s = new Snapshot(changes, sinceMillis, load.apply(sinceMillis));
            snapshot = s;
        }
        return s.keys().isPresent() && !s.keys().get().contains(residentKey) && CHANGES.get() == s.changes();
    }
}
