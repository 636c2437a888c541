package id.kanal.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import id.kanal.dialog.Address;
import id.kanal.dialog.Conversation;
import id.kanal.dialog.InboundMessage;
import id.kanal.dialog.Language;
import id.kanal.dialog.Reply;
import id.kanal.dialog.StateCodec;
import id.kanal.dialog.port.ConversationStore;
import id.kanal.dialog.port.Turn;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Conversations in the database with a Caffeine cache in front. The database is the truth:
 * the cache is written only after a turn commits, so a failed commit never leaves a state
 * in memory that the database does not have.
 *
 * <p>On PostgreSQL several nodes may share the database, so a cached conversation is used only
 * inside its resident's turn lock ({@link PostgresTurnLocks}) and only after its version matched
 * the row's ({@code conversation.version}, incremented by every save); anywhere else a load reads
 * the row. SQLite has one node, whose saves all pass through this cache.
 *
 * <p>On SQLite a resident's transcript is a chain (V67): each line names the one before it, the row the
 * newest ({@code last_line}). A bot-mode conversation's row is written behind its turns: the turn's commit
 * holds its lines, the message's line carrying the conversation after the turn (its state, misunderstandings
 * and last activity), and the row is written by a flush ({@link RowsBehind}) at most {@link RowsBehind#AT_MOST}
 * later, once for all of a resident's turns meanwhile. Until then this process knows the newest line
 * ({@link Database#newestLine}, which readers of the transcript bind), and a crash leaves it in the lines
 * ({@link RowsBehind#recover} at start). A turn that changes what other readers take from the row (its
 * language, its handoff: the console's queue, the status notifier) writes the row in its own commit, as does a
 * resident's first turn here and every change of state outside a turn ({@link #saveState}).
 */
public final class SqlConversationStore implements ConversationStore {
    private static final System.Logger LOG = System.getLogger(SqlConversationStore.class.getName());
    private final Database db;
    private final List<Consumer<Conversation>> listeners = new CopyOnWriteArrayList<>();
    private final Cache<Address, Cached> cache;
    /** PostgreSQL: what this thread's turn lock read on its round trip, for the rest of the turn. */
    private final ThreadLocal<Locked> locked = new ThreadLocal<>();
    private final boolean shared;
    /** SQLite: the provider ids the database holds, so that a new message skips the duplicate look-up; null on PostgreSQL. */
    private final InboundIds inboundIds;
    /** SQLite: the conversations whose row is behind their newest turn (the database's); null on PostgreSQL. */
    private final RowsBehind behind;

    /**
     * A cached conversation and the version its row had when it was read or saved (PostgreSQL; 0 on SQLite);
     * SQLite: the resident's newest line as this store's last turn left it ({@link Transcript.Head#NONE}: not known).
     */
    private record Cached(Conversation conversation, long version, Transcript.Head newest, long appended) {
        Cached(Conversation conversation, long version) {
            this(conversation, version, Transcript.Head.NONE, 0);
        }
    }

    /**
     * A resident's conversation as their turn lock read it (then as the turn saved it), and, for a
     * turn on a message, that message's earlier reply (a provider's retry): both are the database's
     * until the lock is released, since every writer of them holds it.
     */
    private record Locked(Address resident, Optional<Conversation> conversation, InboundMessage message,
                          Optional<Reply> reply) {
        boolean holds(Address from, String providerMessageId) {
            return message != null && message.from().equals(from) && message.providerMessageId().equals(providerMessageId);
        }
    }

    public SqlConversationStore(Database db) {
        this(db, 100_000);
    }

    /** @param cacheSize conversations kept in memory (0: none); the database holds them all */
    public SqlConversationStore(Database db, int cacheSize) {
        this(db, cacheSize, RowsBehind.AT_MOST);
    }

    /** @param flushAfter SQLite: how long a row may stay behind its turns (the database's first store sets it) */
    SqlConversationStore(Database db, int cacheSize, Duration flushAfter) {
        this.db = db;
        this.cache = Caffeine.newBuilder().maximumSize(cacheSize).expireAfterAccess(Duration.ofHours(2)).build();
        this.shared = db.dialect() != Dialect.SQLITE;
        this.inboundIds = shared ? null : InboundIds.of(db);
        this.behind = shared ? null : db.rowsBehind(flushAfter);
        if (!shared) {
            db.inTransaction(c -> {
                RowsBehind.recover(c);
                return null;
            });
        }
    }

    @Override
    public Optional<Reply> replyTo(Address from, String providerMessageId) {
        Locked l = locked.get();
        if (l != null && l.holds(from, providerMessageId)) {
            return l.reply(); // read on the turn lock's round trip
        }
        if (inboundIds != null && !inboundIds.mightContain(from.channel().id(), providerMessageId)) {
            return Optional.empty();
        }
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(Transcript.reply(db.dialect()))) {
                bindReply(ps, 1, from, providerMessageId);
                if (!shared) {
                    ps.setLong(3, behind.newestLine(from)); // REPLY_CHAINED: channel, address, newest line, provider id
                    ps.setString(4, providerMessageId);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return reply(rs);
                }
            }
        });
    }

    private static void bindReply(PreparedStatement ps, int at, Address from, String providerMessageId) throws SQLException {
        ps.setString(at, from.channel().id());
        ps.setString(at + 1, from.value());
        ps.setString(at + 2, providerMessageId);
    }

    /** The reply {@link Transcript#REPLY} found: the bot's line's text (none: a silent reply) and whether it ended the session. */
    private static Optional<Reply> reply(ResultSet rs) throws SQLException {
        if (!rs.next()) {
            return Optional.empty();
        }
        String text = rs.getString(2);
        return Optional.of(new Reply(text == null ? "" : text, List.of(), (rs.getInt(1) & Transcript.REPLY_ENDS) != 0));
    }

    @Override
    public Optional<Conversation> load(Address resident) {
        Locked l = locked.get();
        if (l != null && l.resident().equals(resident)) {
            return l.conversation(); // read on the turn lock's round trip
        }
        if (!shared) {
            Cached cached = cache.getIfPresent(resident);
            if (cached != null) {
                return Optional.of(cached.conversation());
            }
            Optional<RowsBehind.Behind> rowBehind = behind.of(resident);
            if (rowBehind.isPresent()) {
                cache.put(resident, new Cached(rowBehind.get().conversation(), 0));
                return Optional.of(rowBehind.get().conversation());
            }
        }
        Optional<Cached> found = db.read(c -> select(c, resident));
        found.ifPresent(conv -> cache.put(resident, conv));
        return found.map(Cached::conversation);
    }

    /**
     * Takes a resident's turn lock on {@code lockConnection} and runs the turn (called by the turn
     * lock, {@link PostgresTurnLocks}). The lock, the conversation's row and, for a turn on a
     * message, that message's earlier reply travel in one round trip (the driver sends the
     * statements before one Sync): the server runs the reads once the lock is held, and they see
     * what the lock's previous holder committed (READ COMMITTED takes each statement's snapshot when
     * the statement starts). {@link #load} and {@link #replyTo} then answer from them for the rest
     * of the turn; the cached conversation is kept when its version is the row's (no decoding).
     *
     * @param lock    the lock's {@code SELECT}, with the two parameters {@code kind} and {@code key}
     * @param message the turn's message, or null for other work under the lock (an agent's)
     */
    <T> T underTurnLock(Connection lockConnection, String lock, int kind, int key, Address resident,
                        InboundMessage message, java.util.function.Supplier<T> work) throws SQLException {
        Optional<Conversation> conversation;
        Optional<Reply> reply = Optional.empty();
        try (PreparedStatement ps = lockConnection.prepareStatement(
                lock + ";\n" + SELECT_ROW + (message == null ? "" : ";\n" + Transcript.REPLY))) {
            ps.setInt(1, kind);
            ps.setInt(2, key);
            ps.setString(3, resident.channel().id());
            ps.setString(4, resident.value());
            if (message != null) {
                bindReply(ps, 5, message.from(), message.providerMessageId());
            }
            ps.execute(); // the lock's result first
            try (ResultSet rs = nextResult(ps)) {
                conversation = lockedRow(rs, resident);
            }
            if (message != null) {
                try (ResultSet rs = nextResult(ps)) {
                    reply = reply(rs);
                }
            }
        }
        Locked outer = locked.get();
        locked.set(new Locked(resident, conversation, message, reply));
        try {
            return work.get();
        } finally {
            locked.set(outer);
        }
    }

    private static ResultSet nextResult(PreparedStatement ps) throws SQLException {
        if (!ps.getMoreResults()) {
            throw new SQLException("the turn lock's statement returned fewer results than it reads");
        }
        return ps.getResultSet();
    }

    /** The conversation in the lock's row: the cached one when its version is the row's, else decoded and cached. */
    private Optional<Conversation> lockedRow(ResultSet rs, Address resident) throws SQLException {
        if (!rs.next()) {
            cache.invalidate(resident);
            return Optional.empty();
        }
        Cached cached = cache.getIfPresent(resident);
        if (cached == null || cached.version() != rs.getLong(5)) {
            cached = row(rs, resident);
            cache.put(resident, cached);
        }
        return Optional.of(cached.conversation());
    }

    private static final String SELECT_ROW = "SELECT language, state, misunderstandings, last_activity, version "
            + "FROM conversation WHERE channel = ? AND address = ?";

    private static Optional<Cached> select(Connection c, Address resident) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_ROW)) {
            ps.setString(1, resident.channel().id());
            ps.setString(2, resident.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs, resident)) : Optional.empty();
            }
        }
    }

    private static Cached row(ResultSet rs, Address resident) throws SQLException {
        return new Cached(new Conversation(resident, Language.of(rs.getString(1)), StateCodec.decode(rs.getString(2)),
                rs.getInt(3), Instant.ofEpochMilli(rs.getLong(4))), rs.getLong(5));
    }

    @Override
    public void save(Turn turn) {
        Conversation conv = turn.conversation();
        Transcript.TurnLines lines = turnLines(turn, !shared);
        if (shared) {
            // PostgreSQL: the two statements travel together (the driver sends them before one
            // Sync), and outside a transaction block the server runs what comes before a Sync as one
            // implicit transaction, committed at the Sync (or rolled back whole when one fails): the
            // turn's one round trip, commit included. The upsert's RETURNING gives the conversation's
            // new version, the one result set among the counts. The upsert holds the conversation's row
            // lock until commit, so the transcript's next number needs no lock of its own (see nextSeq).
            long version = db.inAutocommit(c -> {
                try (PreparedStatement ps = c.prepareStatement(UPSERT_CONVERSATION + VERSIONED + ";\n" + lines.afterLastSql())) {
                    lines.bindAfterLast(ps, bindConversation(ps, 1, conv));
                    return versionFrom(ps, ps.execute());
                }
            });
            saved(new Cached(conv, version));
            return;
        }
        // Before the commit: a retry of this message must never be told "surely new" once it is stored.
        inboundIds.add(turn.inbound().channel().id(), turn.inbound().providerMessageId());
        Cached before = cache.getIfPresent(conv.resident());
        Transcript.Head known = rowMayLag(before, conv) ? before.newest() : Transcript.Head.NONE;
        Address resident = conv.resident();
        Written written;
        try {
            // sqlite-jdbc runs one statement per PreparedStatement; each is a call into the library, not a round trip.
            written = db.inGroupCommit(c -> {
                // The newest line this store's last turn wrote is still the resident's newest unless a line that
                // was not a turn's was written since (an agent's: not under the resident's turn lock).
                long appended = behind.appended();
                boolean rowBehind = known.line() != 0 && appended == before.appended();
                Transcript.Head head = rowBehind ? Transcript.Head.after(c, known)
                        : Transcript.Head.of(c, resident, behind.newestLine(resident));
                Transcript.Head newest = head.after(lines.count());
                if (rowBehind) {
                    behind.pending(resident, head.highestId() + 1, newest.line());
                }
                lines.append(c, head);
                if (!rowBehind) {
                    writeRow(c, conv, newest.line());
                }
                return new Written(newest, rowBehind, appended);
            });
        } catch (RuntimeException e) {
            behind.failed(resident);
            throw e;
        }
        if (written.rowBehind()) {
            behind.add(conv, lines.state(), written.newest());
        } else {
            behind.remove(resident);
        }
        saved(new Cached(conv, 0, written.newest(), written.appended()));
    }

    /** SQLite: a turn's newest line, whether its row was left behind, and {@link RowsBehind#appended} then. */
    private record Written(Transcript.Head newest, boolean rowBehind, long appended) {
    }

    /**
     * SQLite: whether a turn may leave the row behind. The row exists (the conversation is cached: it
     * was read or saved) and keeps what others read from it: its language and its bot mode (a
     * conversation with an agent or queued for one is in the console's lists, which show it at once).
     */
    private static boolean rowMayLag(Cached before, Conversation after) {
        return before != null && before.conversation().language().equals(after.language())
                && Handoff.of(before.conversation().state()).isBot() && Handoff.of(after.state()).isBot();
    }

    /** The version a multi-statement's RETURNING answered, walking past the update counts. */
    private static long versionFrom(PreparedStatement ps, boolean resultSet) throws SQLException {
        Long version = null;
        while (resultSet || ps.getUpdateCount() != -1) {
            if (resultSet) {
                try (ResultSet rs = ps.getResultSet()) {
                    if (rs.next()) {
                        version = rs.getLong(1);
                    }
                }
            }
            resultSet = ps.getMoreResults();
        }
        if (version == null) {
            throw new SQLException("the conversation's upsert returned no version");
        }
        return version;
    }

    @Override
    public void saveState(Conversation conversation) {
        if (shared) {
            saved(new Cached(conversation, db.inGroupCommit(c -> upsertVersioned(c, conversation))));
            return;
        }
        // The row then names the newest line, even one a turn left behind it (read as readers read it: a line
        // memory names is taken only if it is the resident's).
        Address resident = conversation.resident();
        db.inGroupCommit(c -> {
            long newest = Transcript.Head.of(c, resident, behind.newestLine(resident)).line();
            writeRow(c, conversation, newest == 0 ? SAME_LINE : newest);
            return null;
        });
        behind.remove(conversation.resident());
        saved(new Cached(conversation, 0));
    }

    /** SQLite: writes every conversation's row that is behind its newest turn now (tests), instead of at its flush. */
    void flushRows() {
        behind.flush();
    }

    /** After the commit: the cache, the turn lock's reading (a load later in the turn sees the save), the listeners. */
    private void saved(Cached saved) {
        Conversation conversation = saved.conversation();
        cache.put(conversation.resident(), saved);
        Locked l = locked.get();
        if (l != null && l.resident().equals(conversation.resident())) {
            locked.set(new Locked(l.resident(), Optional.of(conversation), l.message(), l.reply()));
        }
        changed(conversation);
    }

    /** A staff-only line ("note", by "kanal"), then the listeners, so an agent's console shows it at once. */
    @Override
    public void note(Conversation conversation, String text, Instant at) {
        db.inGroupCommit(c -> appendLine(c, db, conversation.resident(), at, "note", "kanal", text));
        changed(conversation);
    }

    /**
     * Calls the listener after every committed save (a turn or a state change), on the saving
     * thread and inside the resident's turn lock: it must be quick and must not call back into
     * the dialog. The console uses it to push queue changes to agents' browsers.
     */
    public void addListener(Consumer<Conversation> listener) {
        listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
    }

    private void changed(Conversation conversation) {
        for (Consumer<Conversation> l : listeners) {
            try {
                l.accept(conversation);
            } catch (RuntimeException e) {
                // A listener's failure must never fail the resident's turn, which has committed.
                LOG.log(System.Logger.Level.WARNING, "conversation listener failed", e);
            }
        }
    }

    /**
     * Appends a line that is not part of a turn (an agent's reply, an internal note) to the
     * transcript, in the caller's transaction so it commits with what caused it.
     *
     * @param direction "out" for what the resident receives, "note" for staff-only lines
     * @param author    e.g. "agent:budi"
     * @return the line's number
     */
    public static long appendLine(Connection c, Database db, Address resident, Instant at, String direction,
                                  String author, String body) throws SQLException {
        if (db.dialect() != Dialect.SQLITE) {
            lockRow(c, resident);
        } else {
            RowsBehind behind = db.rowsBehind(RowsBehind.AT_MOST);
            behind.lineAppended();
            behind.writeNow(c, resident);
        }
        return Transcript.append(c, db.dialect(), resident, db.newestLine(resident), at.toEpochMilli(), direction,
                author, body);
    }

    // INSERT ... ON CONFLICT DO UPDATE is spelled the same in SQLite (3.24+) and PostgreSQL.
    private static final String UPSERT_CONVERSATION = "INSERT INTO conversation (channel, address, language, state, "
            + "misunderstandings, last_activity, mode, agent, queued_at, queue_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (channel, address) DO UPDATE SET language = excluded.language, state = excluded.state, "
            + "misunderstandings = excluded.misunderstandings, last_activity = excluded.last_activity, "
            + "mode = excluded.mode, agent = excluded.agent, queued_at = excluded.queued_at, "
            + "queue_reason = excluded.queue_reason";
    /**
     * SQLite's first try, with {@link #bindConversation}'s parameters (numbered, so bound alike) and the
     * newest line as ?11 (null: the row's stays): most saves are of a conversation that exists, and a plain
     * update by key cost 4.0 us where the upsert cost 5.7-6.2 (300,000 saves of 20,000 residents, throwaway harness).
     */
    private static final String UPDATE_CONVERSATION = "UPDATE conversation SET language = ?3, state = ?4, "
            + "misunderstandings = ?5, last_activity = ?6, mode = ?7, agent = ?8, queued_at = ?9, queue_reason = ?10, "
            + "last_line = MAX(COALESCE(last_line, 0), COALESCE(?11, 0)) WHERE channel = ?1 AND address = ?2";
    /** SQLite, when the update found no row (its one writer runs this transaction alone). */
    private static final String INSERT_CONVERSATION = "INSERT INTO conversation (channel, address, language, state, "
            + "misunderstandings, last_activity, mode, agent, queued_at, queue_reason, last_line) "
            + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
    /** {@link #writeRow}'s line for a save without lines of its own: the row keeps its newest line. */
    private static final long SAME_LINE = 0;
    /** On a shared database (PostgreSQL) every save increments the conversation's version. */
    private static final String VERSIONED = ", version = conversation.version + 1 RETURNING version";

    /** SQLite: writes the conversation's row, whose newest transcript line becomes {@code line} (unless {@link #SAME_LINE}). */
    private static void writeRow(Connection c, Conversation conv, long line) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPDATE_CONVERSATION)) {
            bindLine(ps, bindConversation(ps, 1, conv), line);
            if (ps.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_CONVERSATION)) {
            bindLine(ps, bindConversation(ps, 1, conv), line);
            ps.executeUpdate();
        }
    }

    private static void bindLine(PreparedStatement ps, int at, long line) throws SQLException {
        if (line == SAME_LINE) {
            ps.setNull(at, java.sql.Types.BIGINT);
        } else {
            ps.setLong(at, line);
        }
    }

    /** PostgreSQL: writes the conversation, increments its version and returns the new one. */
    private static long upsertVersioned(Connection c, Conversation conv) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPSERT_CONVERSATION + VERSIONED)) {
            bindConversation(ps, 1, conv);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static int bindConversation(PreparedStatement ps, int at, Conversation conv) throws SQLException {
        Handoff handoff = Handoff.of(conv.state());
        ps.setString(at, conv.resident().channel().id());
        ps.setString(at + 1, conv.resident().value());
        ps.setString(at + 2, conv.language().code());
        ps.setString(at + 3, StateCodec.encode(conv.state()));
        ps.setInt(at + 4, conv.misunderstandings());
        ps.setLong(at + 5, conv.lastActivity().toEpochMilli());
        ps.setString(at + 6, handoff.mode());
        ps.setString(at + 7, handoff.agent());
        if (handoff.since() == null) {
            ps.setNull(at + 8, java.sql.Types.BIGINT);
        } else {
            ps.setLong(at + 8, handoff.since());
        }
        ps.setString(at + 9, handoff.reason());
        return at + 10;
    }

    /** The turn's lines; the message's carries its provider id and how it was answered, the record a retry finds. */
    private static Transcript.TurnLines turnLines(Turn turn, boolean withState) {
        Conversation conv = turn.conversation();
        InboundMessage in = turn.inbound();
        return new Transcript.TurnLines(conv.resident(), in.receivedAt().toEpochMilli(), in.text(), in.providerMessageId(),
                turn.reply().endSession(), conv.lastActivity().toEpochMilli(),
                turn.reply().isSilent() ? null : turn.reply().text(),
                withState ? StateCodec.encode(conv.state()) : null, conv.misunderstandings());
    }

    /**
     * PostgreSQL: takes the conversation row's lock before a line is numbered. Two writers of one
     * transcript (the resident's turn and an agent's reply, or two nodes) must not both read the same
     * maximum: the lock, taken by a no-op update (a turn's upsert has already taken it), makes the second
     * wait for the first to commit, so its read sees the first's line (READ COMMITTED: each statement sees
     * what committed before it). A turn's own lines number themselves ({@link Transcript.TurnLines}) after
     * the turn's upsert took that lock.
     */
    private static void lockRow(Connection c, Address resident) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE conversation SET mode = mode WHERE channel = ? AND address = ?")) {
            ps.setString(1, resident.channel().id());
            ps.setString(2, resident.value());
            ps.executeUpdate();
        }
    }

    /** The handoff columns of a state: mode bot, queued or agent. */
    private record Handoff(String mode, String agent, Long since, String reason) {
        boolean isBot() {
            return mode.equals("bot");
        }

        static Handoff of(id.kanal.dialog.State state) {
            return switch (state) {
                case id.kanal.dialog.State.Queued q -> new Handoff("queued", null, q.since().toEpochMilli(), q.reason());
                case id.kanal.dialog.State.WithAgent a -> new Handoff("agent", a.agent(), a.since().toEpochMilli(), null);
                default -> new Handoff("bot", null, null, null);
            };
        }
    }

    /** Drops cached conversations (after another process changed them, e.g. in tests or an agent hand-back). */
    public void invalidate(Address resident) {
        cache.invalidate(resident);
    }
}
