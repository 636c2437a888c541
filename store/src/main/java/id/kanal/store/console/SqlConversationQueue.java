package id.kanal.store.console;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.store.Database;
import id.kanal.store.ResidentLines;
import id.kanal.store.Residents;
import id.kanal.store.Statements;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@link ConversationQueue} over the {@code conversation}, {@code transcript} and {@code resident} tables. */
public final class SqlConversationQueue implements ConversationQueue {
    /** WhatsApp lets a business answer freely for 24 hours after the resident's last message. */
    public static final Duration WHATSAPP_WINDOW = Duration.ofHours(24);
    /** A resident's line: the newest is read first, so a walk of the chain (SQLite) stops at the last message. */
    private static final String MESSAGE = "t.direction = 'in'";

    private final Database db;
    private final Clock clock;
    /** A conversation's summary, with the resident's last message, from {@code conversation c}. */
    private final String rowSql;

    public SqlConversationQueue(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.rowSql = "SELECT c.channel, c.address, c.mode, c.agent, c.queued_at, c.queue_reason, c.language, "
                + "c.last_activity, (SELECT t.body FROM " + ResidentLines.ofRow(db.dialect(), "c", MESSAGE)
                + " t WHERE " + MESSAGE + " ORDER BY t.seq DESC LIMIT 1) FROM conversation c ";
    }

    @Override
    public List<ConversationSummary> queue() {
        return db.read(c -> Statements.list(c, rowSql + "WHERE c.mode <> 'bot' "
                + "ORDER BY c.mode DESC, c.queued_at, c.channel, c.address", SqlConversationQueue::row));
    }

    @Override
    public Optional<ConversationSummary> find(Address a) {
        return db.read(c -> Statements.first(c, rowSql + "WHERE c.channel = ? AND c.address = ?",
                SqlConversationQueue::row, a.channel().id(), a.value()));
    }

    private static ConversationSummary row(ResultSet rs) throws SQLException {
        long since = rs.getLong(5);
        Long sinceOrNull = rs.wasNull() ? null : since;
        String channel = rs.getString(1);
        String address = rs.getString(2);
        return new ConversationSummary(channel, address, ConversationSummary.key(new Address(Channel.of(channel), address)),
                rs.getString(3), rs.getString(4), sinceOrNull, rs.getString(6), rs.getString(7), rs.getLong(8),
                rs.getString(9));
    }

    @Override
    public List<ConversationSummary> search(SearchText text, int limit) {
        List<Object> args = new java.util.ArrayList<>();
        // One pass over every line, not a walk of every conversation's lines (SQLite has no index by resident).
        StringBuilder where = new StringBuilder("WHERE (c.channel, c.address) IN (SELECT t.channel, t.address "
                + "FROM transcript t WHERE ").append(text.allWordsIn("LOWER(t.body)")).append(')');
        args.addAll(text.likeWords());
        text.likePhoneEnd().ifPresent(digits -> {
            where.append(" OR c.address LIKE ?");
            args.add(digits);
        });
        return db.read(c -> Statements.list(c, rowSql + where + " ORDER BY c.last_activity DESC LIMIT " + limit,
                SqlConversationQueue::row, args.toArray()));
    }

    @Override
    public List<TranscriptLine> transcript(Address a) {
        return db.read(c -> Statements.list(c, "SELECT t.seq, t.at, t.direction, t.author, t.body FROM "
                        + ResidentLines.of(db.dialect()) + " t ORDER BY t.seq",
                rs -> new TranscriptLine(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                a.channel().id(), a.value(), db.newestLine(a)));
    }

    @Override
    public ReplyLimits limits(Address a) {
        return db.read(c -> {
            boolean optedOut = Residents.isOptedOut(c, a.value());
            if (a.channel() != Channel.WHATSAPP) {
                // USSD sessions are over by the time an agent answers: the reply goes by SMS.
                String via = a.channel() == Channel.USSD ? Channel.SMS.id() : a.channel().id();
                return new ReplyLimits(via, optedOut, null, null);
            }
            long registered = Residents.whatsAppLastInbound(c, a.value()).map(java.time.Instant::toEpochMilli).orElse(0L);
            long transcribed = Statements.first(c, "SELECT MAX(t.at) FROM " + ResidentLines.of(db.dialect(), MESSAGE)
                    + " t WHERE " + MESSAGE, rs -> rs.getLong(1), a.channel().id(), a.value(), db.newestLine(a))
                    .orElse(0L);
            long last = Math.max(registered, transcribed);
            long closes = last + WHATSAPP_WINDOW.toMillis();
            return new ReplyLimits(Channel.WHATSAPP.id(), optedOut, closes > clock.millis(), last == 0 ? null : closes);
        });
    }

    @Override
    public List<Address> handedOff() {
        return db.read(c -> Statements.list(c, "SELECT channel, address FROM conversation WHERE mode <> 'bot'",
                rs -> new Address(Channel.of(rs.getString(1)), rs.getString(2))));
    }
}
