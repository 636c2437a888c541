package id.kanal.store;

import id.kanal.dialog.Address;
import id.kanal.dialog.Conversation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * SQLite: the conversations whose row is behind their newest turn ({@link SqlConversationStore}), and the
 * flush that writes them: {@link #AT_MOST} after a row fell behind, once for all of a resident's turns
 * meanwhile, sorted by key, in pieces of {@link #PIECE} rows that each share a group commit with turns.
 * A row is never taken back to an older state: its update is made only while its {@code line_seq} is older
 * than the turn's message line. Losing an entry (a failed flush) is safe: the line carries the state, and
 * a load takes it over the row's.
 */
final class RowsBehind implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RowsBehind.class.getName());
    /**
     * How long a flush waits after a row fell behind: a resident's turns meanwhile cost one row write. Five
     * seconds gave 17.2-19.0k SMS turns/s against 15.6-17.2k at one (four interleaved pairs; ten: no more).
     */
    static final Duration AT_MOST = Duration.ofSeconds(5);
    /** Rows a flush writes in one piece of a group commit (about a millisecond added to that batch). */
    static final int PIECE = 256;
    private static final Executor FLUSHER = r -> Thread.ofVirtual().name("conversation-rows").start(r);
    private static final Comparator<Address> KEY_ORDER = Comparator.comparing((Address a) -> a.channel().id())
            .thenComparing(Address::value);
    private static final String UPDATE = "UPDATE conversation SET state = ?3, misunderstandings = ?4, "
            + "last_activity = ?5, line_seq = ?6 WHERE channel = ?1 AND address = ?2 AND line_seq < ?6";

    /**
     * A conversation as a turn left it, not yet in its row: with its state as the turn's line holds it
     * (encoded once) and that turn's message line (the row's line_seq once written).
     */
    private record Behind(Conversation conversation, String state, long line) {
    }

    private final Database db;
    private final Duration flushAfter;
    private final Map<Address, Behind> rows = new ConcurrentHashMap<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private volatile boolean closed;

    RowsBehind(Database db, Duration flushAfter) {
        this.db = db;
        this.flushAfter = flushAfter;
    }

    /** After the turn whose message line is {@code line}, carrying {@code state}, committed without writing the row. */
    void add(Conversation conversation, String state, long line) {
        rows.put(conversation.resident(), new Behind(conversation, state, line));
        scheduleFlush();
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
            LOG.log(System.Logger.Level.WARNING, "writing {0} conversation row(s) behind failed, left to their lines: {1}",
                    rows.size(), e.toString());
            rows.clear();
            return;
        }
        if (!rows.isEmpty()) {
            scheduleFlush();
        }
    }

    /** Writes every row that is behind now. */
    void flush() {
        List<Map.Entry<Address, Behind>> due = new ArrayList<>(rows.entrySet());
        due.sort(Map.Entry.comparingByKey(KEY_ORDER));
        for (int from = 0; from < due.size(); from += PIECE) {
            List<Behind> piece = new ArrayList<>(PIECE);
            for (Map.Entry<Address, Behind> e : due.subList(from, Math.min(due.size(), from + PIECE))) {
                if (rows.remove(e.getKey(), e.getValue())) {
                    piece.add(e.getValue());
                }
            }
            if (!piece.isEmpty()) {
                db.inGroupCommit(c -> write(c, piece));
            }
        }
    }

    private static Void write(Connection c, List<Behind> piece) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
            for (Behind b : piece) {
                Conversation conv = b.conversation();
                ps.setString(1, conv.resident().channel().id());
                ps.setString(2, conv.resident().value());
                ps.setString(3, b.state());
                ps.setInt(4, conv.misunderstandings());
                ps.setLong(5, conv.lastActivity().toEpochMilli());
                ps.setLong(6, b.line());
                ps.executeUpdate();
            }
        }
        return null;
    }

    /** Writes the rows still behind; no flush starts after this. */
    @Override
    public void close() {
        closed = true;
        flush();
    }
}
