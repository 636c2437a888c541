package id.kanal.app.console;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.store.Database;
import id.kanal.store.Residents;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the console reads about conversations: the queue, one conversation, its transcript. */
final class ConversationQueries {
    static final Duration WHATSAPP_WINDOW = Duration.ofHours(24);
    private static final String ROW_SQL = "SELECT c.channel, c.address, c.mode, c.agent, c.queued_at, c.queue_reason, "
            + "c.language, c.last_activity, (SELECT t.body FROM transcript t WHERE t.channel = c.channel "
            + "AND t.address = c.address AND t.direction = 'in' ORDER BY t.seq DESC LIMIT 1) FROM conversation c ";

    private final Database db;
    private final Clock clock;

    ConversationQueries(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A conversation as the queue shows it. */
    record Row(String channel, String address, String key, String mode, String agent, Long since, String reason,
               String language, long lastActivity, String lastText) {
    }

    /** One transcript line; direction "in", "out" or "note". */
    record Line(long seq, long at, String direction, String author, String body) {
    }

    /** Waiting conversations oldest first, then those with agents (oldest first). */
    List<Row> queue() {
        return rows(ROW_SQL + "WHERE c.mode IN ('queued', 'agent') ORDER BY c.mode DESC, c.queued_at, c.channel, c.address",
                null);
    }

    Optional<Row> find(Address a) {
        return rows(ROW_SQL + "WHERE c.channel = ? AND c.address = ?", a).stream().findFirst();
    }

    private List<Row> rows(String sql, Address a) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (a != null) {
                    ps.setString(1, a.channel().id());
                    ps.setString(2, a.value());
                }
                List<Row> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
                return out;
            }
        });
    }

    private static Row row(ResultSet rs) throws SQLException {
        long since = rs.getLong(5);
        Long sinceOrNull = rs.wasNull() ? null : since;
        String channel = rs.getString(1);
        String address = rs.getString(2);
        return new Row(channel, address, ConsoleEvents.key(new Address(Channel.of(channel), address)), rs.getString(3),
                rs.getString(4), sinceOrNull, rs.getString(6), rs.getString(7), rs.getLong(8), rs.getString(9));
    }

    List<Line> transcript(Address a) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, at, direction, author, body FROM transcript "
                    + "WHERE channel = ? AND address = ? ORDER BY seq")) {
                ps.setString(1, a.channel().id());
                ps.setString(2, a.value());
                List<Line> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Line(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                    }
                }
                return out;
            }
        });
    }

    /** The channel's limits for an agent's reply. */
    record Limits(String replyChannel, boolean optedOut, Boolean whatsappWindowOpen, Long whatsappWindowClosesAt) {
    }

    Limits limits(Address a) {
        return db.read(c -> {
            boolean optedOut = Residents.isOptedOut(c, a.value());
            if (a.channel() != Channel.WHATSAPP) {
                // USSD sessions are over by the time an agent answers: the reply goes by SMS.
                String via = a.channel() == Channel.USSD ? Channel.SMS.id() : a.channel().id();
                return new Limits(via, optedOut, null, null);
            }
            long last = Residents.whatsAppLastInbound(c, a.value()).map(java.time.Instant::toEpochMilli).orElse(0L);
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(at) FROM transcript WHERE channel = ? "
                    + "AND address = ? AND direction = 'in'")) {
                ps.setString(1, a.channel().id());
                ps.setString(2, a.value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        last = Math.max(last, rs.getLong(1));
                    }
                }
            }
            long closes = last + WHATSAPP_WINDOW.toMillis();
            return new Limits(Channel.WHATSAPP.id(), optedOut, closes > clock.millis(), last == 0 ? null : closes);
        });
    }
}
