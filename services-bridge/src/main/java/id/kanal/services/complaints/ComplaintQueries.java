package id.kanal.services.complaints;

import id.kanal.dialog.GeoPoint;
import id.kanal.dialog.InboundMessage;
import id.kanal.dialog.Media;
import id.kanal.dialog.port.Category;
import id.kanal.dialog.port.ComplaintStatus;
import id.kanal.dialog.port.ServiceUnavailableException;
import id.kanal.store.Database;
import id.kanal.store.DatabaseException;
import id.kanal.store.Statements;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** Staff and Open311 reads of complaints: lists with filters, one complaint with history and media, counts. */
public final class ComplaintQueries {
    private static final long DAY_MS = Duration.ofDays(1).toMillis();
    private static final String SELECT = "SELECT c.ticket, c.category_code, c.agency_code, c.status, c.location, "
            + "c.description, c.latitude, c.longitude, c.reporter_channel, c.filed_at, c.updated_at, c.duplicate_of, "
            + "c.external_id, k.resolution_days, (SELECT h.note FROM complaint_history h WHERE h.ticket = c.ticket "
            + "ORDER BY h.seq DESC LIMIT 1) FROM complaint c JOIN category k ON k.code = c.category_code ";
    private static final String OPEN = "c.status IN ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS')";
    /** Overdue in SQL: open, and the category's resolution days since filing have passed. */
    private static final String OVERDUE = OPEN + " AND c.filed_at + k.resolution_days * " + DAY_MS + " < ?";

    private final Database db;
    private final Clock clock;
    private final Function<String, Optional<Category>> categories;

    ComplaintQueries(Database db, Clock clock, Function<String, Optional<Category>> categories) {
        this.db = db;
        this.clock = clock;
        this.categories = categories;
    }

    /** Complaints matching the filter, newest first, with media and without history. */
    public List<ComplaintDetail> list(ComplaintFilter f) {
        return list(f, Optional.empty());
    }

    /**
     * Complaints matching the filter whose ticket carries this prefix (one region's, the prefix
     * being unique in a deployment), newest first; every region's for none.
     */
    public List<ComplaintDetail> list(ComplaintFilter f, Optional<String> ticketPrefix) {
        StringBuilder sql = new StringBuilder(SELECT).append("WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        ticketPrefix.ifPresent(p -> {
            sql.append(" AND c.ticket LIKE ?");
            args.add(prefixPattern(p));
        });
        if (!f.statuses().isEmpty()) {
            sql.append(" AND c.status IN (").append("?, ".repeat(f.statuses().size() - 1)).append("?)");
            f.statuses().stream().map(ComplaintStatus::name).sorted().forEach(args::add);
        }
        if (!f.tickets().isEmpty()) {
            sql.append(" AND c.ticket IN (").append("?, ".repeat(f.tickets().size() - 1)).append("?)");
            f.tickets().stream().sorted().forEach(args::add);
        }
        if (!f.categories().isEmpty()) {
            sql.append(" AND c.category_code IN (").append("?, ".repeat(f.categories().size() - 1)).append("?)");
            f.categories().stream().sorted().forEach(args::add);
        }
        f.agency().ifPresent(v -> {
            sql.append(" AND c.agency_code = ?");
            args.add(v);
        });
        f.overdue().ifPresent(v -> {
            sql.append(v ? " AND (" + OVERDUE + ")" : " AND NOT (" + OVERDUE + ")");
            args.add(clock.millis());
        });
        f.from().ifPresent(v -> {
            sql.append(" AND c.filed_at >= ?");
            args.add(v.toEpochMilli());
        });
        f.to().ifPresent(v -> {
            sql.append(" AND c.filed_at <= ?");
            args.add(v.toEpochMilli());
        });
        sql.append(" ORDER BY c.filed_at DESC, c.ticket DESC LIMIT ").append(f.limit());
        return read(c -> {
            List<ComplaintDetail> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(detail(rs, List.of(), List.of()));
                    }
                }
            }
            List<ComplaintDetail> withMedia = new ArrayList<>(out.size());
            for (ComplaintDetail d : out) {
                withMedia.add(withMediaAndHistory(d, media(c, d.ticket()), List.of()));
            }
            return withMedia;
        });
    }

    /** One complaint with its media and its whole history. */
    public Optional<ComplaintDetail> detail(String ticket) {
        return read(c -> {
            ComplaintDetail d;
            try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE c.ticket = ?")) {
                ps.setString(1, ticket);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    d = detail(rs, List.of(), List.of());
                }
            }
            return Optional.of(withMediaAndHistory(d, media(c, ticket), history(c, ticket)));
        });
    }

    /**
     * What the lifecycle lets a complaint with this status and last change become now (by the injected
     * clock), for callers that read the complaint row themselves, such as the agent console.
     */
    public Set<ComplaintStatus> allowedTransitions(ComplaintStatus status, Instant updatedAt) {
        return ComplaintLifecycle.allowedNow(status, resolvedAt(status, updatedAt), clock.instant());
    }

    /**
     * When the complaint was resolved, if it is: updated_at is the time of the last status change,
     * so for a RESOLVED complaint it is the resolution. The reads and {@link StatusWriter} both use
     * this, so what a read offers is what a change then accepts.
     */
    public static Optional<Instant> resolvedAt(ComplaintStatus status, Instant updatedAt) {
        return status == ComplaintStatus.RESOLVED ? Optional.of(updatedAt) : Optional.empty();
    }

    /**
     * Whether this inbound message's turn filed a complaint: ComplaintFlow files with
     * {@code <channel>:<provider message id>} as the idempotency key. For a USSD turn the desk
     * queued the reporter's SMS receipt in that same transaction ({@link UssdReceiptWriter}), so
     * a filed complaint means a queued receipt.
     */
    public boolean filedInTurn(InboundMessage turn) {
        String key = turn.channel().id() + ":" + turn.providerMessageId();
        return read(c -> Statements.first(c, "SELECT 1 FROM complaint WHERE reporter_address = ? AND idempotency_key = ?",
                rs -> true, turn.from().value(), key).isPresent());
    }

    /** Counts of problems (duplicates left out) by status, category and agency, and how many are overdue. */
    public ComplaintCounts counts() {
        return counts(Optional.empty(), Optional.empty());
    }

    /**
     * {@link #counts()} of one region's complaints (by ticket prefix) and, when given, one agency's;
     * every region's and agency's for none.
     */
    public ComplaintCounts counts(Optional<String> ticketPrefix, Optional<String> agency) {
        StringBuilder scope = new StringBuilder();
        List<Object> scopeArgs = new ArrayList<>();
        ticketPrefix.ifPresent(p -> {
            scope.append(" AND c.ticket LIKE ?");
            scopeArgs.add(prefixPattern(p));
        });
        agency.ifPresent(a -> {
            scope.append(" AND c.agency_code = ?");
            scopeArgs.add(a);
        });
        return read(c -> {
            java.util.function.Function<String, Map<String, Long>> group = column -> {
                try {
                    return group(c, column, scope.toString(), scopeArgs);
                } catch (SQLException e) {
                    throw new DatabaseException("counting complaints by " + column, e);
                }
            };
            Map<String, Long> byStatus = group.apply("c.status");
            for (ComplaintStatus s : ComplaintStatus.values()) {
                byStatus.putIfAbsent(s.name(), 0L);
            }
            long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
            long overdue;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM complaint c JOIN category k "
                    + "ON k.code = c.category_code WHERE c.duplicate_of IS NULL AND " + OVERDUE + scope)) {
                ps.setLong(1, clock.millis());
                for (int i = 0; i < scopeArgs.size(); i++) {
                    ps.setObject(i + 2, scopeArgs.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    overdue = rs.getLong(1);
                }
            }
            return new ComplaintCounts(total, overdue, byStatus, group.apply("c.category_code"),
                    group.apply("c.agency_code"));
        });
    }

    private static Map<String, Long> group(Connection c, String column, String scope, List<Object> scopeArgs)
            throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + column + ", COUNT(*) FROM complaint c "
                + "WHERE c.duplicate_of IS NULL" + scope + " GROUP BY " + column)) {
            for (int i = 0; i < scopeArgs.size(); i++) {
                ps.setObject(i + 1, scopeArgs.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }

    /** A region's tickets: its prefix (capital letters only, so no LIKE wildcard) and the dash. */
    private static String prefixPattern(String ticketPrefix) {
        if (!ticketPrefix.matches("[A-Z]{2,5}")) {
            throw new IllegalArgumentException("ticketPrefix must be 2-5 capital letters: " + ticketPrefix);
        }
        return ticketPrefix + "-%";
    }

    private ComplaintDetail detail(ResultSet rs, List<Media> media, List<HistoryEntry> history) throws SQLException {
        String code = rs.getString(2);
        String agency = rs.getString(3);
        // A category removed from the region's configuration still shows, under its code.
        Category category = categories.apply(code).orElseGet(() -> new Category(code, code, code, agency, List.of()));
        double lat = rs.getDouble(7);
        boolean noLat = rs.wasNull();
        double lon = rs.getDouble(8);
        Optional<GeoPoint> point = noLat || rs.wasNull() ? Optional.empty() : Optional.of(new GeoPoint(lat, lon));
        ComplaintStatus status = ComplaintStatus.valueOf(rs.getString(4));
        Instant filed = Instant.ofEpochMilli(rs.getLong(10));
        Instant expected = filed.plusMillis(rs.getLong(14) * DAY_MS);
        String note = rs.getString(15);
        return new ComplaintDetail(rs.getString(1), category, rs.getString(3), status, rs.getString(5), rs.getString(6),
                point, rs.getString(9), filed, Instant.ofEpochMilli(rs.getLong(11)), expected,
                status.isOpen() && clock.instant().isAfter(expected), Optional.ofNullable(rs.getString(12)),
                note == null || note.isEmpty() ? Optional.empty() : Optional.of(note),
                Optional.ofNullable(rs.getString(13)), media, history,
                allowedTransitions(status, Instant.ofEpochMilli(rs.getLong(11))));
    }

    private static ComplaintDetail withMediaAndHistory(ComplaintDetail d, List<Media> media, List<HistoryEntry> history) {
        return new ComplaintDetail(d.ticket(), d.category(), d.agencyCode(), d.status(), d.location(), d.description(),
                d.point(), d.reporterChannel(), d.filedAt(), d.updatedAt(), d.expectedAt(), d.overdue(), d.duplicateOf(),
                d.lastNote(), d.externalId(), media, history, d.allowedTransitions());
    }

    /**
     * The media that may be shown outside the console: links an Open311 client gave. A resident's
     * photo is the provider's (a Twilio URL names the account, a Telegram file's URL holds the bot
     * token): it is never listed here; staff see Kanal's stored copy in the console
     * ({@link ComplaintPhotos}).
     */
    private static List<Media> media(Connection c, String ticket) throws SQLException {
        List<Media> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT url, content_type FROM complaint_media WHERE ticket = ? AND fetch_state = 'EXTERNAL' ORDER BY position")) {
            ps.setString(1, ticket);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Media(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return out;
    }

    private static List<HistoryEntry> history(Connection c, String ticket) throws SQLException {
        List<HistoryEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, status, changed_at, changed_by, note "
                + "FROM complaint_history WHERE ticket = ? ORDER BY seq")) {
            ps.setString(1, ticket);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new HistoryEntry(rs.getInt(1), ComplaintStatus.valueOf(rs.getString(2)),
                            Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4), rs.getString(5)));
                }
            }
        }
        return out;
    }

    private <T> T read(id.kanal.store.SqlWork<T> work) {
        try {
            return db.read(work);
        } catch (DatabaseException e) {
            throw new ServiceUnavailableException("complaint desk could not read", e);
        }
    }
}
