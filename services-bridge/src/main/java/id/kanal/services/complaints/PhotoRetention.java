package id.kanal.services.complaints;

import id.kanal.services.BackgroundLoop;
import id.kanal.store.Database;
import id.kanal.store.LeasedJobs;
import id.kanal.store.Statements;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Deletes residents' photos of complaints closed (resolved or rejected) more than the retention
 * ({@code KANAL_PHOTO_RETENTION_DAYS}) ago: the bytes go, the photo's row stays as
 * {@code REMOVED} without its provider URL (so nothing fetches it again), and a staff note on the
 * complaint says which photos went and why. One transaction per complaint. A photo still waiting
 * to be fetched goes the same way. A complaint reopened later keeps what it had left.
 *
 * <p>Runs as a leased job (one node of several; every {@link #EVERY}); {@link #sweep} does one round.
 */
public final class PhotoRetention implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PhotoRetention.class.getName());
    /** The state of a photo whose bytes the retention deleted. */
    public static final String REMOVED = "REMOVED";
    /** Who writes the note ({@code complaint_note.author}). */
    public static final String AUTHOR = "kanal:photo-retention";
    /** How often a round runs: photos go within an hour of their time. */
    public static final Duration EVERY = Duration.ofHours(1);
    /** Complaints handled per round at most; the next round goes on. */
    static final int BATCH = 200;
    private static final long DAY = 86_400_000L;

    private final Database db;
    private final Clock clock;
    private final int days;
    private final BackgroundLoop loop;

    /** @param days the retention in days after closing, at least 1 */
    public PhotoRetention(Database db, Clock clock, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be >= 1: " + days);
        }
        this.db = db;
        this.clock = clock;
        this.days = days;
        this.loop = new BackgroundLoop("photo-retention", EVERY, Duration.ofSeconds(10), this::sweep);
    }

    /** The job's name among the node's leased jobs. */
    public static final String JOB = "photo-retention";

    /**
     * Registers the retention as a leased job (it runs on one node of several) when {@code days} is
     * above 0; nothing for 0 (photos kept). The job stops with the jobs ({@link LeasedJobs#close}).
     */
    public static void schedule(LeasedJobs jobs, Database db, Clock clock, int days) {
        if (days > 0) {
            PhotoRetention retention = new PhotoRetention(db, clock, days);
            jobs.register(JOB, retention::start, retention::close);
        }
    }

    /** Starts the hourly rounds (the first now). */
    public void start() {
        loop.start();
    }

    /** Deletes what is due now; returns how many photos it deleted. */
    public int sweep() {
        long closedBefore = clock.millis() - days * DAY;
        int deleted = 0;
        while (true) {
            Map<String, List<Integer>> due = new LinkedHashMap<>();
            db.read(c -> Statements.list(c, "SELECT m.ticket, m.position FROM complaint_media m "
                            + "JOIN complaint c ON c.ticket = m.ticket WHERE m.fetch_state IN ('STORED', 'PENDING') "
                            + "AND c.status IN ('RESOLVED', 'REJECTED') AND c.updated_at < ? "
                            + "ORDER BY c.updated_at, m.ticket, m.position LIMIT " + BATCH,
                    rs -> due.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getInt(2)),
                    closedBefore));
            if (due.isEmpty()) {
                return deleted;
            }
            for (Map.Entry<String, List<Integer>> e : due.entrySet()) {
                deleted += delete(e.getKey(), closedBefore);
            }
        }
    }

    /** One complaint's due photos, if it is still closed long enough (it may have been reopened meanwhile). */
    private int delete(String ticket, long closedBefore) {
        return db.inTransaction(c -> {
            // The complaint row's lock: a reopening or a note at the same moment waits for this.
            if (Statements.update(c, "UPDATE complaint SET updated_at = updated_at WHERE ticket = ? "
                    + "AND status IN ('RESOLVED', 'REJECTED') AND updated_at < ?", ticket, closedBefore) != 1) {
                return 0;
            }
            List<Integer> positions = Statements.list(c, "SELECT position FROM complaint_media WHERE ticket = ? "
                    + "AND fetch_state IN ('STORED', 'PENDING') ORDER BY position", rs -> rs.getInt(1), ticket);
            if (positions.isEmpty()) {
                return 0;
            }
            Statements.update(c, "DELETE FROM complaint_photo WHERE ticket = ?", ticket);
            String why = "deleted " + days + " days after the complaint was closed";
            Statements.update(c, "UPDATE complaint_media SET fetch_state = '" + REMOVED + "', url = '', fetch_error = ? "
                    + "WHERE ticket = ? AND fetch_state IN ('STORED', 'PENDING')", why, ticket);
            int seq = Statements.first(c, "SELECT COALESCE(MAX(seq), 0) FROM complaint_note WHERE ticket = ?",
                    rs -> rs.getInt(1), ticket).orElse(0) + 1;
            String photos = positions.stream().map(p -> String.valueOf(p + 1)).collect(Collectors.joining(", "));
            Statements.update(c, "INSERT INTO complaint_note (ticket, seq, at, author, body) VALUES (?, ?, ?, ?, ?)",
                    ticket, seq, clock.millis(), AUTHOR, (positions.size() == 1 ? "photo " : "photos ") + photos + " "
                            + why);
            LOG.log(System.Logger.Level.INFO, "photos deleted ticket={0} count={1} retentionDays={2}", ticket,
                    positions.size(), days);
            return positions.size();
        });
    }

    @Override
    public void close() {
        loop.close();
    }
}
