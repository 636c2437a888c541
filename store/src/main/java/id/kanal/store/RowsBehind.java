package id.kanal.store;

import id.kanal.dialog.Address;
import id.kanal.dialog.Conversation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SQLite: the conversations whose row is behind their newest turn ({@link SqlConversationStore}), and the
 * flush that writes them: {@link #AT_MOST} after a row fell behind, once for all of a resident's turns
 * meanwhile, sorted by key, in pieces of {@link #PIECE} rows that each share a group commit with turns.
 * A row is never taken back: its update is made only while its {@code last_line} is older than the turn's.
 * One per database ({@link Database#rowsBehind}), whichever store wrote the turn.
 *
 * <p>Until its flush only this process names a resident's newest lines: {@link #newestLine}, which readers
 * of the transcript bind ({@link ResidentLines}), and a turn's lines are listed as pending inside the turn's
 * transaction, before it commits, so that no later transaction misses them. A crash loses what memory named:
 * a turn's message line carries the conversation after it, and {@code transcript_mark.covered} is the highest
 * id up to which every line is named by its conversation's row (directly or through later lines); each flush
 * moves it on, and {@link #recover} folds the lines after it into their rows at start.
 */
final class RowsBehind implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RowsBehind.class.getName());
    /**
     * How long a flush waits after a row fell behind: a resident's turns meanwhile cost one row write. With the
     * transcript's key (V64) five seconds gave 17.2-19.0k SMS turns/s against 15.6-17.2k at one, ten no more; on
     * the chain, where the flush's row writes are most of a turn's random pages, ten against five gave 15,274
     * against 14,172 (bench --vs, ahead in 9 of 10 rounds).
     */
    static final Duration AT_MOST = Duration.ofSeconds(10);
    /** Rows a flush writes in one piece of a group commit (about a millisecond added to that batch). */
    static final int PIECE = 256;
    private static final Executor FLUSHER = r -> Thread.ofVirtual().name("conversation-rows").start(r);
    private static final Comparator<Address> KEY_ORDER = Comparator.comparing((Address a) -> a.channel().id())
            .thenComparing(Address::value);
    private static final String UPDATE = "UPDATE conversation SET state = ?3, misunderstandings = ?4, "
            + "last_activity = ?5, last_line = ?6 WHERE channel = ?1 AND address = ?2 AND COALESCE(last_line, 0) < ?6";

    /**
     * A conversation as a turn left it, not yet in its row: with its state as the turn's line holds it
     * (encoded once), the resident's newest line after that turn, and the first line the row does not name.
     */
    record Behind(Conversation conversation, String state, Transcript.Head newest, long firstUnnamed) {
    }

    /** A turn's lines not yet committed: the first, and the newest after them. */
    private record Pending(long first, long newest) {
    }

    private final Database db;
    private final Duration flushAfter;
    private final Map<Address, Behind> rows = new ConcurrentHashMap<>();
    private final Map<Address, Pending> pending = new ConcurrentHashMap<>();
    /** Lines written that were not a turn's (agents', notes): a store's remembered newest line may be older then. */
    private final AtomicLong appended = new AtomicLong();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private volatile boolean closed;

    RowsBehind(Database db, Duration flushAfter) {
        this.db = db;
        this.flushAfter = flushAfter;
    }

    /** In the turn's transaction, before its lines: they will be the resident's newest, {@code first} to {@code newest}. */
    void pending(Address resident, long first, long newest) {
        pending.put(resident, new Pending(first, newest));
    }

    /** After the turn's transaction failed: its lines are not there. */
    void failed(Address resident) {
        pending.remove(resident);
    }

    /** After a turn committed its lines, up to {@code newest}, without writing the row. */
    void add(Conversation conversation, String state, Transcript.Head newest) {
        Address resident = conversation.resident();
        Pending p = pending.remove(resident);
        rows.merge(resident, new Behind(conversation, state, newest, p == null ? newest.line() : p.first()),
                (old, now) -> new Behind(now.conversation(), now.state(), now.newest(),
                        Math.min(old.firstUnnamed(), now.firstUnnamed())));
        scheduleFlush();
    }

    /** The conversation and newest line of a resident whose row is behind, if it is. */
    Optional<Behind> of(Address resident) {
        return Optional.ofNullable(rows.get(resident));
    }

    /** The newest line of a resident that the row may not name, or 0 (readers check it is the resident's). */
    long newestLine(Address resident) {
        Behind b = rows.get(resident);
        Pending p = pending.get(resident);
        return Math.max(b == null ? 0 : b.newest().line(), p == null ? 0 : p.newest());
    }

    /** Before a line that is not a turn's is written. */
    void lineAppended() {
        appended.incrementAndGet();
    }

    /** How many lines not a turn's were written so far: a turn may trust a remembered newest line only while this stays. */
    long appended() {
        return appended.get();
    }

    /** A flush in {@link #flushAfter}, unless one is already on its way. */
    private void scheduleFlush() {
        if (!closed && flushScheduled.compareAndSet(false, true)) {
            CompletableFuture.delayedExecutor(flushAfter.toMillis(), TimeUnit.MILLISECONDS, FLUSHER)
                    .execute(this::scheduledFlush);
        }
    }

    /** After a commit that wrote the resident's row with everything so far. */
    void remove(Address resident) {
        rows.remove(resident);
    }

    private void scheduledFlush() {
        flushScheduled.set(false);
        if (closed) {
            return;
        }
        try {
            flush();
        } catch (RuntimeException e) {
            // The rows stay listed (their lines are only named from memory): the next flush tries again.
            LOG.log(System.Logger.Level.WARNING, "writing {0} conversation row(s) behind failed, trying again: {1}",
                    rows.size(), e.toString());
        }
        if (!rows.isEmpty()) {
            scheduleFlush();
        }
    }

    /** Writes every row that is behind now, then moves the mark on. */
    void flush() {
        List<Map.Entry<Address, Behind>> due = new ArrayList<>(rows.entrySet());
        due.sort(Map.Entry.comparingByKey(KEY_ORDER));
        for (int from = 0; from < due.size(); from += PIECE) {
            List<Map.Entry<Address, Behind>> piece = due.subList(from, Math.min(due.size(), from + PIECE));
            db.inGroupCommit(c -> write(c, piece));
            // Written: listed no more, unless a later turn listed the resident again meanwhile.
            piece.forEach(e -> rows.remove(e.getKey(), e.getValue()));
        }
        db.inGroupCommit(this::advanceMark);
    }

    /**
     * In a writer's transaction: every line before the first that no row names is named by its row. Lines
     * that no row names are those of the rows listed here and of the turns pending (listed before they
     * commit, so a turn that committed before this transaction is among them); none: every line so far.
     */
    private int advanceMark(Connection c) throws SQLException {
        long first = Long.MAX_VALUE;
        for (Behind b : rows.values()) {
            first = Math.min(first, b.firstUnnamed());
        }
        for (Pending p : pending.values()) {
            first = Math.min(first, p.first());
        }
        long covered;
        if (first == Long.MAX_VALUE) {
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM transcript");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                covered = rs.getLong(1);
            }
        } else {
            covered = first - 1;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE transcript_mark SET covered = MAX(covered, ?)")) {
            ps.setLong(1, covered);
            return ps.executeUpdate();
        }
    }

    /**
     * In the caller's transaction, before a line that is not a turn's (an agent's note on a conversation with
     * the bot): the resident's row behind, if it is, so that the row names the conversation as its newest turn
     * left it before it names that line (a flush skips a row that names a newer line than its turn's).
     */
    void writeNow(Connection c, Address resident) throws SQLException {
        Behind b = rows.get(resident);
        if (b != null) {
            write(c, List.of(Map.entry(resident, b)));
        }
    }

    private static Void write(Connection c, List<Map.Entry<Address, Behind>> piece) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
            for (Map.Entry<Address, Behind> e : piece) {
                Behind b = e.getValue();
                Conversation conv = b.conversation();
                ps.setString(1, conv.resident().channel().id());
                ps.setString(2, conv.resident().value());
                ps.setString(3, b.state());
                ps.setInt(4, conv.misunderstandings());
                ps.setLong(5, conv.lastActivity().toEpochMilli());
                ps.setLong(6, b.newest().line());
                ps.executeUpdate();
            }
        }
        return null;
    }

    /**
     * At start, before any turn: the lines after the mark that their rows do not name (a crash before their
     * flush) go into their rows, the conversation as the newest such message line left it and that resident's
     * newest line, and the mark moves past them.
     */
    static void recover(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE conversation SET state = n.state, misunderstandings = n.misunderstandings, "
                    + "last_activity = n.last_activity FROM (SELECT t.channel, t.address, t.state, t.misunderstandings, "
                    + "t.last_activity, ROW_NUMBER() OVER (PARTITION BY t.channel, t.address ORDER BY t.id DESC) AS r "
                    + "FROM transcript t CROSS JOIN conversation c ON c.channel = t.channel AND c.address = t.address "
                    + "WHERE t.id > (SELECT covered FROM transcript_mark) AND t.id > COALESCE(c.last_line, 0) "
                    + "AND t.state IS NOT NULL) n "
                    + "WHERE n.r = 1 AND conversation.channel = n.channel AND conversation.address = n.address");
            s.executeUpdate("UPDATE conversation SET last_line = x.newest FROM (SELECT channel, address, MAX(id) AS newest "
                    + "FROM transcript WHERE id > (SELECT covered FROM transcript_mark) GROUP BY channel, address) x "
                    + "WHERE conversation.channel = x.channel AND conversation.address = x.address "
                    + "AND COALESCE(conversation.last_line, 0) < x.newest");
            s.executeUpdate("UPDATE transcript_mark SET covered = (SELECT COALESCE(MAX(id), 0) FROM transcript)");
        }
    }

    /** Writes the rows still behind; no flush starts after this. */
    @Override
    public void close() {
        closed = true;
        flush();
    }
}
