package id.kanal.services.complaints;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.Masking;
import id.kanal.dialog.Texts;
import id.kanal.dialog.port.Category;
import id.kanal.dialog.port.ComplaintService;
import id.kanal.dialog.port.ComplaintService.ReopenOutcome;
import id.kanal.dialog.port.ComplaintStatus;
import id.kanal.dialog.port.ComplaintView;
import id.kanal.dialog.port.FiledComplaint;
import id.kanal.dialog.port.NewComplaint;
import id.kanal.dialog.port.ServiceUnavailableException;
import id.kanal.store.Database;
import id.kanal.store.DatabaseException;
import id.kanal.store.Dialect;
import id.kanal.store.TelegramChats;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The embedded complaint desk: complaints in Kanal's own database, ticket codes
 * {@code <PREFIX>-dddddd} from a counter that never goes back, routed to the category's agency,
 * moved through {@link ComplaintLifecycle} with every reporter told of each change (through the
 * outbox, in the same transaction), and linked to an open complaint they repeat.
 */
public final class SqlComplaintDesk implements ComplaintService {
    /** How long a complaint whose filing turn never committed waits to be taken over by the resident's next "ya". */
    static final java.time.Duration ORPHAN_WINDOW = java.time.Duration.ofHours(1);
    private static final System.Logger LOG = System.getLogger(SqlComplaintDesk.class.getName());
    /** A view's columns from complaints named {@code c}; the last note is the newest history row's. */
    private static final String VIEW_COLUMNS = "SELECT c.ticket, c.category_code, c.status, c.location, c.filed_at, "
            + "c.updated_at, (SELECT h.note FROM complaint_history h WHERE h.ticket = c.ticket ORDER BY h.seq DESC LIMIT 1) ";
    private static final String VIEW_SQL = VIEW_COLUMNS + "FROM complaint c ";
    private static final String BY_TICKET = VIEW_SQL + "WHERE c.ticket = ?";

    private final Database db;
    private final Clock clock;
    private final String regionCode;
    private final boolean forwarding;
    private final List<Category> categories;
    /** Other regions' categories met in views and status changes (the console acts on every region's tickets). */
    private final java.util.Map<String, Category> otherRegions = new java.util.concurrent.ConcurrentHashMap<>();
    private final StatusWriter statusWriter;
    private final ComplaintQueries queries;
    private final UssdReceiptWriter receipts = new UssdReceiptWriter(Texts.builtIn());
    /** Told after a complaint with photos commits ({@link PhotoFetcher#wake()}). */
    private volatile Runnable photosFiled = () -> { };

    private SqlComplaintDesk(Database db, Clock clock, String regionCode, NotificationSettings notifications,
                             boolean forwarding) {
        this.db = db;
        this.clock = clock;
        this.regionCode = regionCode;
        this.forwarding = forwarding;
        this.categories = loadCategories("k.region_code = ?", regionCode);
        this.statusWriter = new StatusWriter(new StatusNotifier(Texts.builtIn(), notifications),
                code -> category(code).orElseThrow(() -> new IllegalStateException("unknown category " + code)));
        this.queries = new ComplaintQueries(db, clock, this::category);
    }

    /**
     * Opens the desk for a region, writing the region's definition first: the region row on the
     * first start only (its ticket counter must never restart), agencies and categories on every
     * start, so a changed configuration takes effect.
     */
    public static SqlComplaintDesk open(Database db, RegionDefinition region, Clock clock) {
        return open(db, region, clock, NotificationSettings.none(), false);
    }

    /**
     * Opens the desk with its notification settings.
     *
     * @param forwarding new complaints are marked for forwarding to the region's external Open311
     *                   desk (see {@code id.kanal.services.open311.Open311Forwarder})
     */
    public static SqlComplaintDesk open(Database db, RegionDefinition region, Clock clock,
                                        NotificationSettings notifications, boolean forwarding) {
        db.inTransaction(c -> {
            RegionWriter.write(c, region);
            return null;
        });
        return new SqlComplaintDesk(db, clock, region.code(), notifications, forwarding);
    }

    /** The region this desk files complaints for (its categories, its ticket prefix). */
    public String regionCode() {
        return regionCode;
    }

    @Override
    public List<Category> categories() {
        return categories;
    }

    @Override
    public FiledComplaint file(NewComplaint complaint) {
        return file(ComplaintFiling.of(complaint));
    }

    /**
     * Files a complaint from any source. In one transaction the complaint is written once, in the
     * status it ends in: ASSIGNED to its category's agency (routing is configuration, so nobody needs
     * to triage it first) or, when it repeats an open complaint, linked to that one and in its status.
     * The history has both steps: RECEIVED, then that one. The reporter is not notified of either:
     * the filing answer says it. A USSD reporter also gets the ticket code by SMS, queued in this transaction: the USSD screen
     * is gone once the session ends, and a receipt must exist exactly when the complaint does.
     */
    public FiledComplaint file(ComplaintFiling f) {
        Filing filing = fileInTransaction(f);
        FiledComplaint filed = filing.filed();
        if (filing.isNew() && LOG.isLoggable(System.Logger.Level.DEBUG)) {
            // Debug, after the commit: the complaint and its history row (RECEIVED, by whom, when) are the record.
            // At INFO this line (JUL formatting and a console write per filing) cost 3% of an SMS bench's CPU,
            // as much as the filing's own statements.
            LOG.log(System.Logger.Level.DEBUG, "complaint filed ticket={0} category={1} reporter={2} duplicateOf={3}",
                    filed.ticket(), f.categoryCode(), f.reporterChannel() + ":" + Masking.mask(f.reporterAddress()),
                    filed.duplicateOf().orElse("-"));
        }
        if (!f.photos().isEmpty()) {
            photosFiled.run();
        }
        return filed;
    }

    /** Runs {@code listener} after each filing with photos has committed: the photo fetcher's cue. */
    public void onPhotosFiled(Runnable listener) {
        this.photosFiled = java.util.Objects.requireNonNull(listener, "listener");
    }

    /** What a filing answered, and whether it made a new complaint (not a retry's, nor an orphan taken over). */
    private record Filing(FiledComplaint filed, boolean isNew) {
    }

    private Filing fileInTransaction(ComplaintFiling f) {
        Category category = ownCategory(f.categoryCode())
                .orElseThrow(() -> new IllegalArgumentException("unknown category: " + f.categoryCode()));
        try {
            // Shares the commit of the turns saved meanwhile (on its own: an fsync per filing). The work
            // may run again if another piece of that batch fails: it only writes through c.
            return db.inGroupCommit(c -> {
                lockTicketCounter(c);
                Optional<FiledComplaint> existing = ComplaintRows.filedFor(c, f, category);
                if (existing.isPresent()) {
                    return new Filing(existing.get(), false);
                }
                Instant now = clock.instant();
                Optional<FiledComplaint> orphan = ComplaintRows.adoptOrphan(c, db.dialect(),
                        () -> db.newestLine(f.reporterChannel(), f.reporterAddress()), f, category,
                        now.minus(ORPHAN_WINDOW).toEpochMilli());
                if (orphan.isPresent()) {
                    LOG.log(System.Logger.Level.WARNING, "complaint ticket={0} was filed by a turn that never "
                            + "committed (a crash?): the resident's new confirmation takes it over", orphan.get().ticket());
                    return new Filing(orphan.get(), false);
                }
                String key = DuplicateFinder.locationKey(f.location());
                Optional<DuplicateFinder.Original> original = DuplicateFinder.find(c, f.categoryCode(), key, f.point(), now);
                String ticket = insertWithNextTicket(c, f, key, original, category, now);
                if (f.reporterChannel().equals(Channel.USSD.id())) {
                    receipts.enqueue(c, f.reporterAddress(), ticket, category, original.isPresent(), now);
                }
                return new Filing(new FiledComplaint(ticket, category.agencyName(),
                        original.map(DuplicateFinder.Original::ticket)), true);
            });
        } catch (DatabaseException e) {
            throw new ServiceUnavailableException("complaint desk could not file", e);
        }
    }

    /**
     * Moves a complaint to another status, as the lifecycle allows, and tells every reporter
     * involved in the same transaction.
     *
     * @param by   who changed it ({@code staff:<name>}, {@code open311:<host>}, {@code resident:sms})
     * @param note shown to residents; the reason when rejecting (required then)
     * @throws TransitionRefusedException  when the lifecycle does not allow it
     * @throws ComplaintNotFoundException when there is no such ticket
     */
    public StatusChanged changeStatus(String ticket, ComplaintStatus to, String by, String note) {
        String code = ticket.strip().toUpperCase(Locale.ROOT);
        return db.inTransaction(c -> statusWriter.change(c, code, to, by, note.strip(), clock.instant()));
    }

    /**
     * A resident says a resolved complaint is not fixed ("belum beres"): back to IN_PROGRESS, within
     * {@link ComplaintLifecycle#REOPEN_WINDOW} of the resolution. Only a reporter of the complaint (or
     * of a duplicate linked to it) may; reopening a duplicate reopens its original and its links.
     */
    @Override
    public ReopenOutcome reopen(String ticket, Address reporter, String note) {
        try {
            reopenAsResident(ticket, reporter, note);
            return ReopenOutcome.REOPENED;
        } catch (ComplaintNotFoundException e) {
            return ReopenOutcome.NOT_FOUND;
        } catch (TransitionRefusedException e) {
            LOG.log(System.Logger.Level.INFO, "reopen refused: {0}", e.getMessage());
            return ReopenOutcome.REFUSED;
        } catch (DatabaseException e) {
            throw new ServiceUnavailableException("complaint desk could not reopen", e);
        }
    }

    /** Reopens a resolved complaint for its reporter; throws when the lifecycle refuses. */
    public StatusChanged reopenAsResident(String ticket, Address resident, String note) {
        String code = ticket.strip().toUpperCase(Locale.ROOT);
        return db.inTransaction(c -> {
            String target = code;
            try (PreparedStatement ps = c.prepareStatement("SELECT duplicate_of FROM complaint WHERE ticket = ?")) {
                ps.setString(1, code);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new ComplaintNotFoundException(code);
                    }
                    if (rs.getString(1) != null) {
                        target = rs.getString(1);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM complaint WHERE (ticket = ? OR duplicate_of = ?) "
                    + "AND reporter_channel = ? AND reporter_address = ?")) {
                ps.setString(1, target);
                ps.setString(2, target);
                ps.setString(3, resident.channel().id());
                ps.setString(4, resident.value());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        throw new TransitionRefusedException(code, ComplaintStatus.RESOLVED, ComplaintStatus.IN_PROGRESS,
                                "only a resident who reported it can reopen it");
                    }
                }
            }
            return statusWriter.change(c, target, ComplaintStatus.IN_PROGRESS, "resident:" + resident.channel().id(),
                    note.strip(), clock.instant());
        });
    }

    /** Reads for staff and Open311: lists with filters, one complaint with its history, counts. */
    public ComplaintQueries queries() {
        return queries;
    }

    @Override
    public Optional<ComplaintView> find(String ticket) {
        return views(BY_TICKET, code(ticket)).stream().findFirst();
    }

    @Override
    public boolean filedBy(String ticket, Address resident) {
        return reading(c -> filedBy(c, code(ticket), resident));
    }

    /**
     * Both look-ups on one connection, SQLite's writer ({@link #readingOnWriter}): a reader's page cache is
     * emptied by every commit (at every group commit under load), and its two reads found the complaint's pages
     * again from the file.
     */
    @Override
    public Optional<Asked> findFor(String ticket, Address resident) {
        String code = code(ticket);
        return readingOnWriter(c -> {
            Optional<ComplaintView> found = views(c, BY_TICKET, code).stream().findFirst();
            return found.isEmpty() ? Optional.<Asked>empty() : Optional.of(new Asked(found.get(), filedBy(c, code, resident)));
        });
    }

    private static String code(String ticket) {
        return ticket.strip().toUpperCase(Locale.ROOT);
    }

    private static boolean filedBy(Connection c, String code, Address resident) throws SQLException {
        // The resident's own complaints (a few, by complaint_reporter_idempotency), up to the first that is the
        // ticket, a duplicate of it or its original. Left to choose, both databases read every duplicate of the
        // ticket instead: an original in a flood has thousands, and a status question then cost a walk through
        // them (16% of an SMS bench's CPU); "|| ''" leaves them no index but the reporter's. (A CTE of all the
        // resident's complaints did the same, reading every one of them before looking.)
        Reporter reporter = Reporter.of(c, resident);
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM complaint WHERE " + reporter.condition()
                + " AND (ticket || '' = ? OR duplicate_of || '' = ? "
                + "OR ticket || '' = (SELECT duplicate_of FROM complaint WHERE ticket = ?)) LIMIT 1")) {
            int at = reporter.bind(ps);
            ps.setString(at, code);
            ps.setString(at + 1, code);
            ps.setString(at + 2, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * {@link #reading} on SQLite's writer connection, whose page cache stays warm ({@link Database#readOnWriter}):
     * a status question's few index look-ups, with SMS and USSD turns waiting on the answer.
     */
    private <T> T readingOnWriter(id.kanal.store.SqlWork<T> work) {
        try {
            return db.readOnWriter(work);
        } catch (DatabaseException e) {
            throw new ServiceUnavailableException("complaint desk could not be read", e);
        }
    }

    /** Reads in one transaction; a database that cannot be read is a desk that cannot answer. */
    private <T> T reading(id.kanal.store.SqlWork<T> work) {
        try {
            return db.read(work);
        } catch (DatabaseException e) {
            throw new ServiceUnavailableException("complaint desk could not be read", e);
        }
    }

    /**
     * The addresses a resident reports from: their own, and a Telegram chat's phone number when its user shared
     * their contact (one person: both count).
     */
    private record Reporter(List<String> addresses) {
        static Reporter of(Connection c, Address resident) throws SQLException {
            Optional<String> phone = resident.channel() == Channel.TELEGRAM
                    ? TelegramChats.phoneOf(c, resident.value()).filter(p -> !p.equals(resident.value()))
                    : Optional.empty();
            return new Reporter(phone.map(p -> List.of(resident.value(), p)).orElse(List.of(resident.value())));
        }

        /**
         * The condition on {@code reporter_address}: "=" for one address, which SQLite reads without first building
         * a table of an IN list (a status question's look-ups: 15.5 against 19.7 us, 7.6 against 9.2).
         */
        String condition() {
            return addresses.size() == 1 ? "reporter_address = ?" : "reporter_address IN (?, ?)";
        }

        /** Binds the addresses from the first parameter; the next parameter's index. */
        int bind(PreparedStatement ps) throws SQLException {
            for (int i = 0; i < addresses.size(); i++) {
                ps.setString(i + 1, addresses.get(i));
            }
            return addresses.size() + 1;
        }
    }

    /**
     * The newest {@code limit} first, then their last notes: a note is a look-up in the history, and a
     * resident who reported often has many complaints (a flood's bench: the last note of every one of them
     * was looked up, then all but three thrown away).
     */
    @Override
    public List<ComplaintView> latestBy(Address reporter, int limit) {
        return readingOnWriter(c -> {
            Reporter r = Reporter.of(c, reporter);
            return views(c, VIEW_COLUMNS + "FROM (SELECT * FROM complaint WHERE " + r.condition()
                    + " ORDER BY filed_at DESC, ticket DESC LIMIT " + limit + ") c ORDER BY c.filed_at DESC, c.ticket DESC",
                    r.addresses().toArray(String[]::new));
        });
    }

    private List<ComplaintView> views(String sql, String... parameters) {
        return reading(c -> views(c, sql, parameters));
    }

    private List<ComplaintView> views(Connection c, String sql, String... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            List<ComplaintView> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(view(rs));
                }
            }
            return out;
        }
    }

    private ComplaintView view(ResultSet rs) throws SQLException {
        Category category = category(rs.getString(2)).orElseThrow();
        String note = rs.getString(7);
        return new ComplaintView(rs.getString(1), category, ComplaintStatus.valueOf(rs.getString(3)), rs.getString(4),
                Instant.ofEpochMilli(rs.getLong(5)), Instant.ofEpochMilli(rs.getLong(6)),
                note == null || note.isEmpty() ? Optional.empty() : Optional.of(note));
    }

    /**
     * A category by its code (unique across a deployment): this region's, or another region's of
     * the same database, so a provincial operator's change of any ticket is written and notified.
     */
    Optional<Category> category(String code) {
        Optional<Category> own = ownCategory(code);
        if (own.isPresent() || otherRegions.containsKey(code)) {
            return own.or(() -> Optional.of(otherRegions.get(code)));
        }
        Optional<Category> other = loadCategories("k.code = ?", code).stream().findFirst();
        other.ifPresent(k -> otherRegions.put(code, k));
        return other;
    }

    private Optional<Category> ownCategory(String code) {
        return categories.stream().filter(cat -> cat.code().equals(code)).findFirst();
    }

    /**
     * Writes the new complaint under the region's next ticket. On SQLite the numbers are counted in this
     * process ({@link TicketNumbers}); a ticket already taken means another process filed in the same
     * database (a {@code chat} command beside the server): the count starts again from the database.
     */
    private String insertWithNextTicket(Connection c, ComplaintFiling f, String key,
                                        Optional<DuplicateFinder.Original> original, Category category, Instant now)
            throws SQLException {
        for (int attempt = 0; ; attempt++) {
            String ticket = nextTicket(c);
            try {
                if (original.isPresent()) {
                    ComplaintRows.insert(c, ticket, f, key, original, original.get().status(), "kanal:duplicates",
                            "linked to " + original.get().ticket(), forwarding, now.toEpochMilli());
                } else {
                    ComplaintRows.insert(c, ticket, f, key, original, ComplaintStatus.ASSIGNED, "kanal:routing",
                            "routed to " + category.agencyName(), forwarding, now.toEpochMilli());
                }
                return ticket;
            } catch (SQLException e) {
                boolean taken = db.dialect() == Dialect.SQLITE && String.valueOf(e.getMessage()).contains("complaint.ticket");
                if (!taken || attempt > 0) {
                    throw e;
                }
                LOG.log(System.Logger.Level.WARNING, "ticket {0} was already filed by another process: counting again "
                        + "from the database", ticket);
                TicketNumbers.forget(db, regionCode);
            }
        }
    }

    /**
     * Filings run one at a time: on PostgreSQL, where transactions really run at once, this takes
     * the region row's lock before the idempotency check, so a retry filed while the first filing
     * commits waits and then finds its complaint (READ COMMITTED: the next statement sees the
     * commit) instead of failing on the unique key. The duplicate search after it sees every
     * filing committed before too. SQLite needs none of it (one writer at a time), so it is skipped
     * there. PostgreSQL's counter moves only when a complaint is really filed: no gaps.
     */
    private void lockTicketCounter(Connection c) throws SQLException {
        if (db.dialect() == Dialect.SQLITE) {
            return; // its one writer already runs filings one at a time: the statement only rewrote the region row
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE region SET next_ticket = next_ticket WHERE code = ?")) {
            ps.setString(1, regionCode);
            ps.executeUpdate();
        }
    }

    private String nextTicket(Connection c) throws SQLException {
        if (db.dialect() == Dialect.SQLITE) {
            return TicketNumbers.next(db, c, regionCode);
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE region SET next_ticket = next_ticket + 1 WHERE code = ? RETURNING next_ticket - 1, ticket_prefix")) {
            ps.setString(1, regionCode);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("region " + regionCode + " missing");
                }
                return TicketNumbers.format(rs.getString(2), rs.getLong(1));
            }
        }
    }

    /** Categories with their agency's name, in menu order: this region's, or one by code. */
    private List<Category> loadCategories(String condition, String value) {
        return db.read(c -> {
            List<Category> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT k.code, k.name_id, k.name_en, a.name, k.keywords "
                    + "FROM category k JOIN agency a ON a.code = k.agency_code WHERE " + condition + " ORDER BY k.position")) {
                ps.setString(1, value);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        List<String> keywords = rs.getString(5).isBlank() ? List.of()
                                : Arrays.asList(rs.getString(5).split(","));
                        out.add(new Category(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), keywords));
                    }
                }
            }
            return List.copyOf(out);
        });
    }
}
