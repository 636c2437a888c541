package id.kanal.services.open311;

import id.kanal.dialog.port.ComplaintStatus;
import id.kanal.services.complaints.ComplaintDetail;
import id.kanal.services.complaints.ComplaintNotFoundException;
import id.kanal.services.complaints.SqlComplaintDesk;
import id.kanal.services.complaints.TransitionRefusedException;
import id.kanal.services.Backoff;
import id.kanal.services.BackgroundLoop;
import id.kanal.store.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Forwards complaints to a region's external Open311 desk and brings its status back. Each region
 * with a desk has its own forwarder, which handles only its region's complaints (those carrying
 * its ticket prefix), so two regions' desks never see each other's.
 *
 * <p>Durable: a complaint to forward is marked {@code forward_state = 'PENDING'} when it is filed
 * (same transaction), so a crash or an outage loses nothing. {@link #forwardOnce()} sends the due
 * ones; a transient failure (no answer, 5xx, 408, 429) is retried with exponential backoff (30 s
 * doubling, at most 1 h), for as long as it takes; a refusal (another 4xx) is kept as
 * {@code FAILED} with the desk's error, since posting it again would be refused again. A desk that
 * files later answers a token ({@code TOKEN}), exchanged for the id while polling. A POST whose
 * answer is lost (a timeout after the desk filed it) is sent again: GeoReport v2 has no
 * idempotency key, so that desk may hold it twice. {@link #pollOnce()} asks the desk about every forwarded open complaint and turns its
 * answer into a status change (open: IN_PROGRESS, closed: RESOLVED with its status_notes), which
 * notifies the residents like any other change. {@link #start()} runs both on one background thread.
 *
 * <p>{@code complaint.forward_state} (V30's comment names only the first three; a migration is never
 * edited): NULL not forwarded, PENDING to send or retry, SENT accepted ({@code external_id} is the
 * service_request_id), TOKEN filed later ({@code external_id} is the token), FAILED refused
 * ({@code forward_error} says why).
 */
public final class Open311Forwarder implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Open311Forwarder.class.getName());
    private static final int BATCH = 20;
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));
    private static final Duration FORWARD_EVERY = Duration.ofSeconds(5);
    /** Longer than one HTTP attempt (10 s timeout): a crashed attempt is retried after it. */
    private static final Duration CLAIM_LEASE = Duration.ofMinutes(1);

    private final Database db;
    private final SqlComplaintDesk desk;
    private final Open311Client client;
    private final Clock clock;
    private final String by;
    /** {@code ticket LIKE ?}: the region's complaints, by the prefix every one of its tickets has. */
    private final String ticketPattern;
    private final BackgroundLoop loop = new BackgroundLoop("open311-forwarder", FORWARD_EVERY, Duration.ofSeconds(15),
            this::tick);
    private volatile Instant nextPoll = Instant.MIN;

    public Open311Forwarder(Database db, SqlComplaintDesk desk, Open311Client client, Clock clock) {
        this.db = db;
        this.desk = desk;
        this.client = client;
        this.clock = clock;
        this.by = "open311:" + client.endpoint().baseUrl().getHost();
        this.ticketPattern = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT ticket_prefix FROM region WHERE code = ?")) {
                ps.setString(1, desk.regionCode());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("no region " + desk.regionCode() + " in the database");
                    }
                    // A prefix is capital letters only (RegionDefinition), nothing LIKE reads as a wildcard.
                    return rs.getString(1) + "-%";
                }
            }
        });
    }

    /** Sends every complaint due for forwarding; returns how many the desk accepted. */
    public int forwardOnce() {
        long now = clock.millis();
        List<String> due = db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT ticket FROM complaint WHERE forward_state = 'PENDING' "
                    + "AND forward_next_at <= ? AND ticket LIKE ? ORDER BY forward_next_at, ticket LIMIT " + BATCH)) {
                ps.setLong(1, now);
                ps.setString(2, ticketPattern);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
        int sent = 0;
        for (String ticket : due) {
            if (!claim(ticket, now)) {
                continue;
            }
            Optional<ComplaintDetail> d = desk.queries().detail(ticket);
            if (d.isEmpty()) {
                continue;
            }
            try {
                switch (client.submit(d.get())) {
                    case Submission.Filed filed -> {
                        update(ticket, "UPDATE complaint SET forward_state = 'SENT', external_id = ?, forward_error = NULL, "
                                + "forward_attempts = forward_attempts + 1 WHERE ticket = ?", filed.serviceRequestId());
                        LOG.log(System.Logger.Level.INFO, "open311 forwarded ticket={0} serviceRequestId={1}", ticket,
                                filed.serviceRequestId());
                    }
                    case Submission.Queued queued -> {
                        // Filed later by the desk: the token is exchanged for the id while polling.
                        update(ticket, "UPDATE complaint SET forward_state = 'TOKEN', external_id = ?, forward_error = NULL, "
                                + "forward_attempts = forward_attempts + 1 WHERE ticket = ?", queued.token());
                        LOG.log(System.Logger.Level.INFO, "open311 forwarded ticket={0} token={1}", ticket, queued.token());
                    }
                }
                sent++;
            } catch (Open311Exception e) {
                if (e.permanent()) {
                    update(ticket, "UPDATE complaint SET forward_state = 'FAILED', forward_error = ?, "
                            + "forward_attempts = forward_attempts + 1 WHERE ticket = ?", clip(e.getMessage()));
                    LOG.log(System.Logger.Level.WARNING, "open311 forward refused ticket={0} error={1}: not retried",
                            ticket, e.getMessage());
                } else {
                    retryLater(ticket, e.getMessage());
                }
            }
        }
        return sent;
    }

    /**
     * Takes a due complaint for this attempt by moving its next attempt a lease ahead: only one
     * caller (another thread, another server node) wins, so the desk gets it once.
     */
    private boolean claim(String ticket, long now) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE complaint SET forward_next_at = ? "
                    + "WHERE ticket = ? AND forward_state = 'PENDING' AND forward_next_at <= ?")) {
                ps.setLong(1, now + CLAIM_LEASE.toMillis());
                ps.setString(2, ticket);
                ps.setLong(3, now);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private void retryLater(String ticket, String error) {
        db.inTransaction(c -> {
            int attempts;
            try (PreparedStatement ps = c.prepareStatement("SELECT forward_attempts FROM complaint WHERE ticket = ?")) {
                ps.setString(1, ticket);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    attempts = rs.getInt(1) + 1;
                }
            }
            Duration wait = BACKOFF.after(attempts);
            try (PreparedStatement ps = c.prepareStatement("UPDATE complaint SET forward_attempts = ?, forward_next_at = ?, "
                    + "forward_error = ? WHERE ticket = ?")) {
                ps.setInt(1, attempts);
                ps.setLong(2, clock.millis() + wait.toMillis());
                ps.setString(3, clip(error));
                ps.setString(4, ticket);
                ps.executeUpdate();
            }
            LOG.log(System.Logger.Level.WARNING, "open311 forward failed ticket={0} attempt={1} retryIn={2} error={3}",
                    ticket, attempts, wait, error);
            return null;
        });
    }

    private static String clip(String error) {
        return error.length() > 500 ? error.substring(0, 500) : error;
    }

    /** 30 s, 60 s, 120 s, ... at most one hour. */
    static Duration backoff(int attempts) {
        return BACKOFF.after(attempts);
    }

    /** Exchanges the tokens of requests the desk filed later for their ids; returns how many it exchanged. */
    int resolveTokens() {
        record Queued(String ticket, String token) {
        }
        List<Queued> queued = db.read(c -> {
            List<Queued> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT ticket, external_id FROM complaint "
                    + "WHERE forward_state = 'TOKEN' AND ticket LIKE ? ORDER BY ticket")) {
                ps.setString(1, ticketPattern);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Queued(rs.getString(1), rs.getString(2)));
                    }
                }
            }
            return out;
        });
        int resolved = 0;
        for (Queued q : queued) {
            try {
                Optional<String> id = client.serviceRequestIdFor(q.token());
                if (id.isPresent()) {
                    update(q.ticket(), "UPDATE complaint SET forward_state = 'SENT', external_id = ? WHERE ticket = ?",
                            id.get());
                    LOG.log(System.Logger.Level.INFO, "open311 token resolved ticket={0} serviceRequestId={1}",
                            q.ticket(), id.get());
                    resolved++;
                }
            } catch (Open311Exception e) {
                LOG.log(System.Logger.Level.WARNING, "open311 token lookup failed ticket={0} error={1}", q.ticket(),
                        e.getMessage());
            }
        }
        return resolved;
    }

    /**
     * Asks the desk about every forwarded open complaint (first exchanging tokens for ids); returns
     * how many changed status.
     */
    public int pollOnce() {
        resolveTokens();
        record Forwarded(String ticket, String externalId, ComplaintStatus status) {
        }
        List<Forwarded> open = db.read(c -> {
            List<Forwarded> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT ticket, external_id, status FROM complaint "
                    + "WHERE forward_state = 'SENT' AND status IN ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS') "
                    + "AND ticket LIKE ? ORDER BY ticket")) {
                ps.setString(1, ticketPattern);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Forwarded(rs.getString(1), rs.getString(2),
                                ComplaintStatus.valueOf(rs.getString(3))));
                    }
                }
            }
            return out;
        });
        int changed = 0;
        for (Forwarded f : open) {
            try {
                Optional<RemoteRequest> remote = client.request(f.externalId());
                if (remote.isEmpty()) {
                    continue;
                }
                Optional<ComplaintStatus> to = remote.get().isClosed() ? Optional.of(ComplaintStatus.RESOLVED)
                        : f.status() == ComplaintStatus.ASSIGNED ? Optional.of(ComplaintStatus.IN_PROGRESS)
                        : Optional.empty();
                if (to.isPresent()) {
                    desk.changeStatus(f.ticket(), to.get(), by, remote.get().statusNotes());
                    changed++;
                }
            } catch (Open311Exception e) {
                LOG.log(System.Logger.Level.WARNING, "open311 poll failed ticket={0} error={1}", f.ticket(), e.getMessage());
            } catch (TransitionRefusedException | ComplaintNotFoundException e) {
                LOG.log(System.Logger.Level.WARNING, "open311 status not applied ticket={0} reason={1}",
                        f.ticket(), e.getMessage());
            }
        }
        return changed;
    }

    private void update(String ticket, String sql, String value) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, value);
                ps.setString(2, ticket);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Starts the background loop: forwarding every few seconds, polling at the endpoint's interval. */
    public void start() {
        if (loop.start()) {
            LOG.log(System.Logger.Level.INFO, "open311 forwarding started region={0} endpoint={1}", desk.regionCode(),
                    client.endpoint().baseUrl().getHost());
        }
    }

    /** One round; a failure is logged by the loop and the next round tries again. */
    private void tick() {
        forwardOnce();
        if (!clock.instant().isBefore(nextPoll)) {
            nextPoll = clock.instant().plus(client.endpoint().pollEvery());
            pollOnce();
        }
    }

    /** Stops the loop, letting a round in progress finish. */
    @Override
    public void close() {
        loop.close();
    }
}
