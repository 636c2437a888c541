package id.kanal.app;

import id.kanal.channels.smpp.SmppLedger;
import id.kanal.channels.smpp.SmppLedger.HeldPart;
import id.kanal.channels.smpp.SmppLedger.PartsKey;
import id.kanal.channels.smpp.SmppLedgers;
import id.kanal.dialog.port.OutboundMessage;
import id.kanal.store.Database;
import id.kanal.store.Outbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link SmppLedger} in the {@code smpp_inbound}, {@code smpp_part} and {@code smpp_segment} tables,
 * so a restart (and the SMSC's redelivery after it) finds what was received, held, answered and sent. Inbound
 * rows are kept for a week, far past any redelivery, then pruned.
 */
final class SqlSmppLedger implements SmppLedger {
    private static final Duration KEEP = Duration.ofDays(7);
    private static final String PARTS = "SELECT link, source, ref, total, seq, dest, text, received_at FROM smpp_part ";

    private final Database database;
    private final Runnable wakeOutbox;
    private final AtomicInteger inserts = new AtomicInteger();

    /** @param wakeOutbox called after a reply is committed, so the sender need not wait for its poll */
    SqlSmppLedger(Database database, Runnable wakeOutbox) {
        this.database = database;
        this.wakeOutbox = wakeOutbox;
    }

    @Override
    public String inbound(String contentKey, Instant now, Duration window) {
        boolean prune = inserts.incrementAndGet() % 1000 == 0;
        return database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT provider_id FROM smpp_inbound WHERE content_key = ? "
                    + "AND answered = 0 AND received_at >= ? ORDER BY received_at LIMIT 1")) {
                ps.setString(1, contentKey);
                ps.setLong(2, now.minus(window).toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return rs.getString(1);
                    }
                }
            }
            String id = "smpp-" + UUID.randomUUID();
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO smpp_inbound (provider_id, content_key, received_at, answered) VALUES (?, ?, ?, 0)")) {
                ps.setString(1, id);
                ps.setString(2, contentKey);
                ps.setLong(3, now.toEpochMilli());
                ps.executeUpdate();
            }
            if (prune) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM smpp_inbound WHERE received_at < ?")) {
                    ps.setLong(1, now.minus(KEEP).toEpochMilli());
                    ps.executeUpdate();
                }
            }
            return id;
        });
    }

    @Override
    public boolean answered(String providerId, Optional<OutboundMessage> reply, Optional<PartsKey> parts, Instant now) {
        boolean queued = database.inTransaction(c -> {
            if (parts.isPresent()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM smpp_part WHERE link = ? AND source = ? AND ref = ? AND total = ?")) {
                    bindKey(ps, parts.get());
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE smpp_inbound SET answered = 1 WHERE provider_id = ? AND answered = 0")) {
                ps.setString(1, providerId);
                if (ps.executeUpdate() == 0) {
                    return false; // answered before: its reply is queued already
                }
            }
            if (reply.isPresent()) {
                Outbox.enqueue(c, reply.get(), now);
            }
            return reply.isPresent();
        });
        if (queued) {
            wakeOutbox.run();
        }
        return queued;
    }

    @Override
    public boolean holdPart(HeldPart part) {
        return database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO smpp_part (link, source, ref, total, seq, dest, "
                    + "text, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (link, source, ref, total, seq) DO NOTHING")) {
                bindKey(ps, part.message());
                ps.setInt(5, part.seq());
                ps.setString(6, part.dest());
                ps.setString(7, part.text());
                ps.setLong(8, part.receivedAt().toEpochMilli());
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<HeldPart> heldParts(PartsKey message) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(PARTS + "WHERE link = ? AND source = ? AND ref = ? AND total = ? "
                    + "ORDER BY seq")) {
                bindKey(ps, message);
                return heldParts(ps);
            }
        });
    }

    @Override
    public List<HeldPart> heldParts(String link) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(PARTS + "WHERE link = ? ORDER BY source, ref, total, seq")) {
                ps.setString(1, link);
                return heldParts(ps);
            }
        });
    }

    private static List<HeldPart> heldParts(PreparedStatement ps) throws java.sql.SQLException {
        List<HeldPart> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new HeldPart(new PartsKey(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)),
                        rs.getInt(5), rs.getString(6), rs.getString(7), Instant.ofEpochMilli(rs.getLong(8))));
            }
        }
        return out;
    }

    private static void bindKey(PreparedStatement ps, PartsKey key) throws java.sql.SQLException {
        ps.setString(1, key.link());
        ps.setString(2, key.source());
        ps.setInt(3, key.ref());
        ps.setInt(4, key.total());
    }

    @Override
    public void segmentsSent(String providerId, List<String> segmentIds, Instant now) {
        database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO smpp_segment (segment_id, provider_id, state, "
                    + "updated_at) VALUES (?, ?, 'SENT', ?) ON CONFLICT (segment_id) DO NOTHING")) {
                for (String s : segmentIds) {
                    ps.setString(1, s);
                    ps.setString(2, providerId);
                    ps.setLong(3, now.toEpochMilli());
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public Optional<Delivery> segmentReceipt(String segmentId, SegmentState state, Optional<String> error, Instant now) {
        return database.inTransaction(c -> {
            String providerId;
            try (PreparedStatement ps = c.prepareStatement("SELECT provider_id FROM smpp_segment WHERE segment_id = ?")) {
                ps.setString(1, segmentId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Delivery>empty();
                    }
                    providerId = rs.getString(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE smpp_segment SET state = ?, error = ?, updated_at = ? WHERE segment_id = ?")) {
                ps.setString(1, state.name());
                ps.setString(2, error.orElse(null));
                ps.setLong(3, now.toEpochMilli());
                ps.setString(4, segmentId);
                ps.executeUpdate();
            }
            List<SegmentState> parts = new ArrayList<>();
            Optional<String> firstError = Optional.empty();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT state, error FROM smpp_segment WHERE provider_id = ? ORDER BY segment_id")) {
                ps.setString(1, providerId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        parts.add(SegmentState.valueOf(rs.getString(1)));
                        if (firstError.isEmpty() && rs.getString(2) != null) {
                            firstError = Optional.of(rs.getString(2));
                        }
                    }
                }
            }
            return Optional.of(SmppLedgers.delivery(providerId, parts, firstError));
        });
    }
}
