package id.kanal.services.complaints;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.port.Category;
import id.kanal.dialog.port.ComplaintService;
import id.kanal.dialog.port.ComplaintStatus;
import id.kanal.dialog.port.ComplaintView;
import id.kanal.dialog.port.FiledComplaint;
import id.kanal.dialog.port.NewComplaint;
import id.kanal.dialog.port.ServiceUnavailableException;
import id.kanal.store.Database;
import id.kanal.store.DatabaseException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The embedded complaint desk: complaints in Kanal's own database, ticket codes
 * {@code <PREFIX>-dddddd} from a counter that never goes back, routed to the category's agency.
 */
public final class SqlComplaintDesk implements ComplaintService {
    private static final System.Logger LOG = System.getLogger(SqlComplaintDesk.class.getName());
    private static final String VIEW_SQL = "SELECT c.ticket, c.category_code, c.status, c.location, c.filed_at, "
            + "c.updated_at, (SELECT h.note FROM complaint_history h WHERE h.ticket = c.ticket ORDER BY h.seq DESC LIMIT 1) "
            + "FROM complaint c ";

    private final Database db;
    private final Clock clock;
    private final String regionCode;
    private volatile List<Category> categories;

    private SqlComplaintDesk(Database db, Clock clock, String regionCode) {
        this.db = db;
        this.clock = clock;
        this.regionCode = regionCode;
        this.categories = loadCategories();
    }

    /**
     * Opens the desk for a region, writing the region's definition first: the region row on the
     * first start only (its ticket counter must never restart), agencies and categories on every
     * start, so a changed configuration takes effect.
     */
    public static SqlComplaintDesk open(Database db, RegionDefinition region, Clock clock) {
        db.inTransaction(c -> {
            RegionWriter.write(c, region);
            return null;
        });
        return new SqlComplaintDesk(db, clock, region.code());
    }

    @Override
    public List<Category> categories() {
        return categories;
    }

    @Override
    public FiledComplaint file(NewComplaint complaint) {
        Category category = category(complaint.categoryCode())
                .orElseThrow(() -> new IllegalArgumentException("unknown category: " + complaint.categoryCode()));
        try {
            return db.inTransaction(c -> {
                Optional<String> existing = ticketFor(c, complaint.idempotencyKey());
                if (existing.isPresent()) {
                    return new FiledComplaint(existing.get(), category.agencyName());
                }
                String ticket = nextTicket(c);
                insert(c, ticket, complaint, clock.instant().toEpochMilli());
                LOG.log(System.Logger.Level.INFO, "complaint filed ticket={0} category={1} reporter={2}",
                        ticket, category.code(), complaint.reporter());
                return new FiledComplaint(ticket, category.agencyName());
            });
        } catch (DatabaseException e) {
            throw new ServiceUnavailableException("complaint desk could not file", e);
        }
    }

    @Override
    public Optional<ComplaintView> find(String ticket) {
        String code = ticket.strip().toUpperCase(Locale.ROOT);
        return views(VIEW_SQL + "WHERE c.ticket = ?", code).stream().findFirst();
    }

    @Override
    public List<ComplaintView> latestBy(Address reporter, int limit) {
        return views(VIEW_SQL + "WHERE c.reporter_address = ? ORDER BY c.filed_at DESC, c.ticket DESC LIMIT " + limit,
                reporter.value());
    }

    private List<ComplaintView> views(String sql, String parameter) {
        try {
            return db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, parameter);
                    List<ComplaintView> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(view(rs));
                        }
                    }
                    return out;
                }
            });
        } catch (DatabaseException e) {
            throw new ServiceUnavailableException("complaint desk could not read", e);
        }
    }

    private ComplaintView view(ResultSet rs) throws SQLException {
        Category category = category(rs.getString(2)).orElseThrow();
        String note = rs.getString(7);
        return new ComplaintView(rs.getString(1), category, ComplaintStatus.valueOf(rs.getString(3)), rs.getString(4),
                Instant.ofEpochMilli(rs.getLong(5)), Instant.ofEpochMilli(rs.getLong(6)),
                note == null || note.isEmpty() ? Optional.empty() : Optional.of(note));
    }

    private Optional<Category> category(String code) {
        return categories.stream().filter(cat -> cat.code().equals(code)).findFirst();
    }

    private static Optional<String> ticketFor(Connection c, String idempotencyKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ticket FROM complaint WHERE idempotency_key = ?")) {
            ps.setString(1, idempotencyKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private String nextTicket(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE region SET next_ticket = next_ticket + 1 WHERE code = ? RETURNING next_ticket - 1, ticket_prefix")) {
            ps.setString(1, regionCode);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("region " + regionCode + " missing");
                }
                return String.format("%s-%06d", rs.getString(2), rs.getLong(1));
            }
        }
    }

    private void insert(Connection c, String ticket, NewComplaint n, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO complaint (ticket, idempotency_key, category_code, "
                + "agency_code, location, description, latitude, longitude, reporter_channel, reporter_address, status, "
                + "filed_at, updated_at) SELECT ?, ?, code, agency_code, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM category WHERE code = ?")) {
            ps.setString(1, ticket);
            ps.setString(2, n.idempotencyKey());
            ps.setString(3, n.location());
            ps.setString(4, n.description());
            if (n.point().isPresent()) {
                ps.setDouble(5, n.point().get().latitude());
                ps.setDouble(6, n.point().get().longitude());
            } else {
                ps.setNull(5, Types.DOUBLE);
                ps.setNull(6, Types.DOUBLE);
            }
            ps.setString(7, n.reporter().channel().id());
            ps.setString(8, n.reporter().value());
            ps.setString(9, ComplaintStatus.RECEIVED.name());
            ps.setLong(10, now);
            ps.setLong(11, now);
            ps.setString(12, n.categoryCode());
            ps.executeUpdate();
        }
        for (int i = 0; i < n.photos().size(); i++) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO complaint_media (ticket, position, url, content_type) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, ticket);
                ps.setInt(2, i);
                ps.setString(3, n.photos().get(i).url());
                ps.setString(4, n.photos().get(i).contentType());
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO complaint_history "
                + "(ticket, seq, status, changed_at, changed_by, note) VALUES (?, 1, ?, ?, ?, '')")) {
            ps.setString(1, ticket);
            ps.setString(2, ComplaintStatus.RECEIVED.name());
            ps.setLong(3, now);
            ps.setString(4, n.reporter().channel() == Channel.TELEGRAM ? "resident:telegram" : "resident");
            ps.executeUpdate();
        }
    }

    private List<Category> loadCategories() {
        return db.read(c -> {
            List<Category> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT k.code, k.name_id, k.name_en, a.name, k.keywords "
                    + "FROM category k JOIN agency a ON a.code = k.agency_code ORDER BY k.position");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> keywords = rs.getString(5).isBlank() ? List.of()
                            : Arrays.asList(rs.getString(5).split(","));
                    out.add(new Category(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), keywords));
                }
            }
            return List.copyOf(out);
        });
    }
}
