package id.kanal.store;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Residents known to have no unanswered question, so that a "1" or a "ya" (most of them menu
 * choices) does not look the question up every time. A memo is good only while nothing was asked
 * and no Telegram chat was linked since it was taken: every such write counts a change once it has
 * committed, and one change forgets every memo (questions are rare; a look-up is cheap enough).
 *
 * <p>Only on SQLite, which has one node: on PostgreSQL another node may ask, and this node would
 * not hear of it, so every message looks. A write that cannot say when it committed (outside
 * {@link Database#inTransaction}) turns the memos off for the life of the process.
 */
public final class QuestionlessResidents {
    private static final AtomicLong CHANGES = new AtomicLong();
    private static volatile boolean trusted = true;

    private final boolean enabled;
    private final int capacity;
    /** Resident key to the memo: the count of changes and the earliest asked_at it covered. */
    private final ConcurrentHashMap<String, Memo> memos = new ConcurrentHashMap<>();

    private record Memo(long changes, long sinceMillis) {
    }

    public QuestionlessResidents(Dialect dialect, int capacity) {
        this.enabled = dialect == Dialect.SQLITE;
        this.capacity = capacity;
    }

    /**
     * Called inside the transaction that asks a question or links a person's channels: counts a
     * change once it commits (readers that looked before the commit took the older count).
     */
    public static void changing() {
        if (!Database.afterCommit(CHANGES::incrementAndGet)) {
            trusted = false;
        }
        CHANGES.incrementAndGet();
    }

    /** The count to take before looking, for {@link #remember}. */
    public long mark() {
        return CHANGES.get();
    }

    /** Whether the resident is known to have no question asked at or after {@code sinceMillis}. */
    public boolean knownWithout(String residentKey, long sinceMillis) {
        if (!enabled || !trusted) {
            return false;
        }
        Memo m = memos.get(residentKey);
        return m != null && m.changes() == CHANGES.get() && sinceMillis >= m.sinceMillis();
    }

    /** Records that a look-up begun at {@code mark} found no question asked at or after {@code sinceMillis}. */
    public void remember(String residentKey, long mark, long sinceMillis) {
        if (!enabled || !trusted || mark != CHANGES.get()) {
            return;
        }
        if (memos.size() >= capacity) {
            memos.clear(); // bounded: forgetting only costs look-ups
        }
        memos.put(residentKey, new Memo(mark, sinceMillis));
    }
}
