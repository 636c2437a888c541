package id.kanal.store;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.port.OutboundMessage;
import id.kanal.dialog.port.OutboxItem;
import id.kanal.dialog.port.OutboxQueue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The outbox table as its sender sees it. Portable SQL (SQLite and PostgreSQL).
 *
 * <p>Claiming is a conditional {@code UPDATE ... WHERE id = ? AND <still due>}: whichever claimer
 * commits first wins, the other's update matches no row (PostgreSQL re-checks the condition
 * after the first commit; SQLite runs writers one at a time). No {@code SELECT ... FOR UPDATE
 * SKIP LOCKED}, which SQLite lacks.
 */
public final class SqlOutboxQueue implements OutboxQueue {
    /** Delivery statuses by how far they got: a late "sent" never overwrites "delivered". */
    private static final Map<String, Integer> RANK = Map.ofEntries(
            Map.entry("scheduled", 0), Map.entry("accepted", 1), Map.entry("queued", 1),
            Map.entry("sending", 2), Map.entry("sent", 3), Map.entry("delivered", 4),
            Map.entry("undelivered", 4), Map.entry("failed", 4), Map.entry("canceled", 4),
            Map.entry("partially_delivered", 4), Map.entry("read", 5));
    private static final String DUE = "((status = 'PENDING' AND next_attempt_at <= ?) "
            + "OR (status = 'SENDING' AND claimed_until <= ?))";

    private final Database db;

    public SqlOutboxQueue(Database db) {
        this.db = db;
    }

    /** Queues a message in a transaction of its own ({@link Outbox#enqueue} joins a caller's transaction). */
    public String enqueue(OutboundMessage m, Instant now) {
        return db.inTransaction(c -> Outbox.enqueue(c, m, now));
    }

    /**
     * Queues a reply that its adapter sends itself, already claimed by that adapter for
     * {@code lease}: the row is durable before the provider is answered, and the outbox sender
     * delivers it only if the adapter never reports how its send went (the lease runs out).
     * {@code key} makes a provider's retry write nothing; empty when a row with it exists.
     */
    public Optional<OutboxItem> hold(String key, OutboundMessage m, Instant now, Duration lease) {
        String claimId = UUID.randomUUID().toString();
        boolean written = db.inTransaction(c -> Outbox.insertClaimed(c, key, m, now, claimId, now.plus(lease)));
        return written ? Optional.of(new OutboxItem(key, m, 0, claimId)) : Optional.empty();
    }

    @Override
    public List<OutboxItem> claimDue(Set<Channel> channels, Instant now, Duration lease, int limit) {
        if (channels.isEmpty() || limit <= 0) {
            return List.of();
        }
        long t = now.toEpochMilli();
        String in = channels.stream().map(c -> "?").collect(Collectors.joining(", "));
        return db.inTransaction(c -> {
            List<OutboxItem> candidates = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, channel, address, body, kind, priority, template, "
                    + "attempts, sender FROM outbox WHERE " + DUE + " AND channel IN (" + in + ") "
                    + "ORDER BY priority, next_attempt_at, created_at LIMIT ?")) {
                int i = 1;
                ps.setLong(i++, t);
                ps.setLong(i++, t);
                for (Channel ch : channels) {
                    ps.setString(i++, ch.id());
                }
                ps.setInt(i, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(new OutboxItem(rs.getString(1), new OutboundMessage(
                                new Address(Channel.of(rs.getString(2)), rs.getString(3)), rs.getString(4),
                                rs.getString(5), rs.getInt(6), Optional.ofNullable(rs.getString(7)),
                                Optional.ofNullable(rs.getString(9))),
                                rs.getInt(8), UUID.randomUUID().toString()));
                    }
                }
            }
            List<OutboxItem> claimed = new ArrayList<>(candidates.size());
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET status = 'SENDING', claim_id = ?, "
                    + "claimed_until = ? WHERE id = ? AND " + DUE)) {
                for (OutboxItem item : candidates) {
                    ps.setString(1, item.claimId());
                    ps.setLong(2, t + lease.toMillis());
                    ps.setString(3, item.id());
                    ps.setLong(4, t);
                    ps.setLong(5, t);
                    if (ps.executeUpdate() == 1) {
                        claimed.add(item);
                    }
                }
            }
            return claimed;
        });
    }

    @Override
    public Optional<Instant> nextDue(Set<Channel> channels) {
        if (channels.isEmpty()) {
            return Optional.empty();
        }
        String in = channels.stream().map(c -> "?").collect(Collectors.joining(", "));
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(CASE WHEN status = 'PENDING' THEN next_attempt_at "
                    + "ELSE claimed_until END) FROM outbox WHERE status IN ('PENDING', 'SENDING') AND channel IN (" + in + ")")) {
                int i = 1;
                for (Channel ch : channels) {
                    ps.setString(i++, ch.id());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long v = rs.getLong(1);
                    return rs.wasNull() ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochMilli(v));
                }
            }
        });
    }

    @Override
    public boolean markSent(OutboxItem item, String providerId, String via, Instant now) {
        return update(item, "status = 'SENT', provider_id = ?, sent_via = ?, sent_at = ?, attempts = attempts + 1, "
                + "last_error = NULL, claim_id = NULL, claimed_until = NULL", providerId, via, now.toEpochMilli());
    }

    @Override
    public boolean reschedule(OutboxItem item, Instant at, Optional<String> error) {
        if (error.isPresent()) {
            return update(item, "status = 'PENDING', next_attempt_at = ?, attempts = attempts + 1, last_error = ?, "
                    + "claim_id = NULL, claimed_until = NULL", at.toEpochMilli(), error.get());
        }
        return update(item, "status = 'PENDING', next_attempt_at = ?, claim_id = NULL, claimed_until = NULL",
                at.toEpochMilli());
    }

    @Override
    public boolean markFailed(OutboxItem item, String error, Instant now) {
        return update(item, "status = 'FAILED', attempts = attempts + 1, last_error = ?, sent_at = NULL, "
                + "claim_id = NULL, claimed_until = NULL", error);
    }

    private boolean update(OutboxItem item, String set, Object... values) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET " + set
                    + " WHERE id = ? AND status = 'SENDING' AND claim_id = ?")) {
                int i = 1;
                for (Object v : values) {
                    ps.setObject(i++, v);
                }
                ps.setString(i++, item.id());
                ps.setString(i, item.claimId());
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<Address> recordDelivery(String providerId, String status, Optional<String> errorCode, Instant now) {
        return db.inTransaction(c -> {
            Address to;
            String current;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, channel, address, delivery_status FROM outbox WHERE provider_id = ?")) {
                ps.setString(1, providerId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Address>empty();
                    }
                    to = new Address(Channel.of(rs.getString(2)), rs.getString(3));
                    current = rs.getString(4);
                }
            }
            // Twilio does not promise callbacks in order: keep the furthest status reached.
            if (current == null || RANK.getOrDefault(status, 0) >= RANK.getOrDefault(current, 0)) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET delivery_status = ?, "
                        + "delivery_error = COALESCE(?, delivery_error), delivery_updated_at = ? WHERE provider_id = ?")) {
                    ps.setString(1, status);
                    ps.setString(2, errorCode.orElse(null));
                    ps.setLong(3, now.toEpochMilli());
                    ps.setString(4, providerId);
                    ps.executeUpdate();
                }
            }
            return Optional.of(to);
        });
    }

    /** The row's columns, for tests and the console: status, attempts, provider id, errors. */
    public Optional<Map<String, Object>> row(String id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT status, attempts, provider_id, last_error, "
                    + "delivery_status, delivery_error, sent_via, next_attempt_at FROM outbox WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Map<String, Object>>empty();
                    }
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), rs.getObject(i));
                    }
                    return Optional.of(row);
                }
            }
        });
    }

}
