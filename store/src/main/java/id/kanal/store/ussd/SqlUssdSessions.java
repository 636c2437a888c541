package id.kanal.store.ussd;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import id.kanal.store.Database;
import id.kanal.store.Dialect;
import id.kanal.store.Statements;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * USSD sessions in the {@code ussd_session} table, so every node (and a restart) sees them.
 *
 * <p>On SQLite (one node, whose saves all pass through here) the sessions saved lately are also kept
 * in memory: a hop finds its session without a read, which on SQLite re-read the table's pages (a
 * reader's page cache is dropped whenever another connection wrote, so on every hop). A saved session
 * goes into memory only once its save has committed, and out when a save fails, so memory is never
 * ahead of the table (but for the sessions {@link #remember}ed: the caller's word that, lost, they
 * behave as none); a session not in memory (a restart, or pushed out) is read from the table. On
 * PostgreSQL the nodes share the table and every look-up reads it.
 */
public final class SqlUssdSessions {
    /** Sessions last a few minutes; a day keeps them for support questions, then they go. */
    static final Duration KEEP = Duration.ofDays(1);
    /** Sessions kept in memory by default: far more than are open at once. */
    public static final int DEFAULT_CACHE_SIZE = 20_000;
    /** A gateway ends a session after a few minutes: one not saved for longer leaves memory. */
    private static final Duration CACHED_FOR = Duration.ofMinutes(10);
    /** Rows deleted per transaction by {@link #prune}: a short hold of SQLite's one writer each. */
    static final int PRUNE_BATCH = 500;
    private static final String COLUMNS = "session_id, phone, input_text, screen, screen_ends, page, resume_pending, updated_at";
    private static final String FIND = "SELECT " + COLUMNS + " FROM ussd_session WHERE session_id = ?";
    private static final String UPSERT = "INSERT INTO ussd_session (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (session_id) DO UPDATE SET input_text = excluded.input_text, screen = excluded.screen, "
            + "screen_ends = excluded.screen_ends, page = excluded.page, resume_pending = excluded.resume_pending, "
            + "updated_at = excluded.updated_at";

    private final Database database;
    /** Sessions by id as last committed by this node; empty on PostgreSQL. */
    private final Optional<Cache<String, StoredUssdSession>> recent;

    public SqlUssdSessions(Database database) {
        this(database, DEFAULT_CACHE_SIZE);
    }

    /** @param cacheSize sessions kept in memory on SQLite (0: none); the table holds them all */
    public SqlUssdSessions(Database database, int cacheSize) {
        if (cacheSize < 0) {
            throw new IllegalArgumentException("cacheSize must be >= 0: " + cacheSize);
        }
        this.database = database;
        this.recent = database.dialect() == Dialect.SQLITE && cacheSize > 0
                ? Optional.of(Caffeine.newBuilder().maximumSize(cacheSize).expireAfterWrite(CACHED_FOR).build())
                : Optional.empty();
    }

    /** The session: from memory when this node saved it lately, else from the table. */
    public Optional<StoredUssdSession> find(String sessionId) {
        Optional<StoredUssdSession> cached = recent.map(r -> r.getIfPresent(sessionId));
        return cached.isPresent() ? cached : stored(sessionId);
    }

    /**
     * The session if this node holds it in memory, without reading the table: empty when it is
     * not there, even if the table has it. On PostgreSQL (no memory) it is {@link #find}.
     */
    public Optional<StoredUssdSession> findCached(String sessionId) {
        return recent.isEmpty() ? stored(sessionId) : Optional.ofNullable(recent.get().getIfPresent(sessionId));
    }

    private Optional<StoredUssdSession> stored(String sessionId) {
        return database.read(c -> Statements.first(c, FIND, SqlUssdSessions::row, sessionId));
    }

    /** The most recently updated session of a phone number other than {@code exceptSessionId}. */
    public Optional<StoredUssdSession> latestFor(String phone, String exceptSessionId) {
        return database.read(c -> Statements.first(c, "SELECT " + COLUMNS + " FROM ussd_session WHERE phone = ? "
                + "AND session_id <> ? ORDER BY updated_at DESC LIMIT 1", SqlUssdSessions::row, phone, exceptSessionId));
    }

    /**
     * Inserts or replaces the session with its id. It shares the commit of the turns saved meanwhile:
     * on its own it paid an fsync per screen. Old sessions go by {@link #prune}, off the hop.
     */
    public void save(StoredUssdSession s) {
        try {
            database.inGroupCommit(c -> Statements.update(c, UPSERT, s.sessionId(), s.phone(), s.text(), s.screen(),
                    s.screenEnds() ? 1 : 0, s.page(), s.resumePending() ? 1 : 0, s.updatedAt().toEpochMilli()));
        } catch (RuntimeException e) {
            // Committed or not, the table is the record: the next find reads it.
            recent.ifPresent(r -> r.invalidate(s.sessionId()));
            throw e;
        }
        recent.ifPresent(r -> r.put(s.sessionId(), s));
    }

    /**
     * Keeps the session in memory without writing it (on SQLite; nothing on PostgreSQL, whose nodes
     * share only the table): for a session the caller knows behaves, lost, as none.
     */
    public void remember(StoredUssdSession s) {
        recent.ifPresent(r -> r.put(s.sessionId(), s));
    }

    /**
     * Deletes the sessions not updated for a day before {@code now}; returns how many. The old rows
     * are found on a reader (a scan of the table once a minute: an index on {@code updated_at} would be
     * moved by every hop) and deleted by key in short
     * transactions, so no scan holds the writer. Any node may run it: a row deleted twice is deleted
     * once, and a row saved meanwhile stays.
     */
    public int prune(Instant now) {
        long cutoff = now.minus(KEEP).toEpochMilli();
        recent.ifPresent(r -> r.asMap().values().removeIf(s -> s.updatedAt().toEpochMilli() < cutoff));
        int deleted = 0;
        while (true) {
            List<String> old = database.read(c -> Statements.list(c, "SELECT session_id FROM ussd_session "
                    + "WHERE updated_at < ? LIMIT " + PRUNE_BATCH, rs -> rs.getString(1), cutoff));
            if (old.isEmpty()) {
                return deleted;
            }
            deleted += database.inTransaction(c -> {
                int n = 0;
                for (String id : old) {
                    n += Statements.update(c, "DELETE FROM ussd_session WHERE session_id = ? AND updated_at < ?",
                            id, cutoff);
                }
                return n;
            });
        }
    }

    private static StoredUssdSession row(ResultSet rs) throws SQLException {
        return new StoredUssdSession(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getInt(5) != 0, rs.getInt(6), rs.getInt(7) != 0, Instant.ofEpochMilli(rs.getLong(8)));
    }
}
