package id.kanal.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Jobs that must run on one node at a time (Telegram long polling, the Open311 poller): on
 * PostgreSQL a job runs on the node that holds its lease (table {@code lease}); the holder renews
 * it every third of its length, another node takes it once it has expired (a node that died) or
 * been released (a node that stopped), and a holder that could not renew in time stops its job
 * before the lease can pass to another. On SQLite (one node) a job simply starts.
 *
 * <p>Expiry is written with the holder's clock: the nodes' clocks must agree to within a small
 * part of the lease (NTP does that).
 */
public final class LeasedJobs implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LeasedJobs.class.getName());
    /** 15 s: a dead holder's jobs move within 15 s plus one renewal round (5 s), under the 30 s asked. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(15);

    private final Database db;
    private final Clock clock;
    private final Duration lease;
    private final String holder;
    private final boolean shared;
    private final boolean renewsItself;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private ScheduledExecutorService renewer;
    private volatile boolean closed;

    /** One job and whether it runs here; touched by the renewal thread and by close. */
    private static final class Job {
        final Runnable start;
        final Runnable stop;
        boolean running;
        Instant heldUntil = Instant.MIN;

        Job(Runnable start, Runnable stop) {
            this.start = start;
            this.stop = stop;
        }
    }

    /** Renews its leases on a thread of its own every third of {@code lease}. */
    public LeasedJobs(Database db, Clock clock, Duration lease) {
        this(db, clock, lease, true);
    }

    /** Renewed only when the caller calls {@link #renewAll()} (tests, which move the clock themselves). */
    public static LeasedJobs renewedByCaller(Database db, Clock clock, Duration lease) {
        return new LeasedJobs(db, clock, lease, false);
    }

    private LeasedJobs(Database db, Clock clock, Duration lease, boolean renewsItself) {
        this.renewsItself = renewsItself;
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("lease must be at least 1 s: " + lease);
        }
        this.lease = lease;
        this.holder = UUID.randomUUID().toString();
        this.shared = db.dialect() != Dialect.SQLITE;
    }

    /**
     * Registers a job: SQLite starts it now; PostgreSQL at the next renewal round that wins its
     * lease. {@code stop} runs when the lease is lost or on {@link #close()}; both run on one thread.
     */
    public void register(String name, Runnable start, Runnable stop) {
        Job job = new Job(start, stop);
        if (jobs.putIfAbsent(name, job) != null) {
            throw new IllegalArgumentException("job registered twice: " + name);
        }
        if (!shared) {
            synchronized (job) {
                startJob(name, job);
            }
            return;
        }
        synchronized (this) {
            if (renewsItself && renewer == null && !closed) {
                renewer = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "kanal-leases");
                    t.setDaemon(true);
                    return t;
                });
                long every = Math.max(100, lease.toMillis() / 3);
                renewer.scheduleWithFixedDelay(this::renewAll, 0, every, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** One renewal round: takes or renews every lease it can, starts and stops jobs to match. */
    public void renewAll() {
        for (Map.Entry<String, Job> e : jobs.entrySet()) {
            Job job = e.getValue();
            synchronized (job) {
                if (closed) {
                    return;
                }
                renew(e.getKey(), job);
            }
        }
    }

    private void renew(String name, Job job) {
        Instant now = clock.instant();
        boolean held;
        try {
            held = tryTake(name, now);
        } catch (RuntimeException failure) {
            // No answer from the database: keep the job only while the lease last written lasts.
            held = now.isBefore(job.heldUntil.minus(lease.dividedBy(3)));
            LOG.log(System.Logger.Level.WARNING, "lease renewal failed job={0}: {1}", name, failure.toString());
        }
        if (held) {
            job.heldUntil = now.plus(lease);
            if (!job.running) {
                startJob(name, job);
            }
        } else if (job.running) {
            LOG.log(System.Logger.Level.INFO, "lease lost job={0}: stopping it here", name);
            stopJob(name, job);
        }
    }

    private boolean tryTake(String name, Instant now) {
        // One statement: a new lease, a renewal of our own, or the take-over of an expired one.
        return db.inTransaction(c -> Statements.update(c, "INSERT INTO lease (name, holder, expires_at) VALUES (?, ?, ?) "
                + "ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at "
                + "WHERE lease.holder = excluded.holder OR lease.expires_at <= ?",
                name, holder, now.plus(lease).toEpochMilli(), now.toEpochMilli())) == 1;
    }

    private void startJob(String name, Job job) {
        try {
            job.start.run();
            job.running = true;
            LOG.log(System.Logger.Level.INFO, "job started here job={0}", name);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "job failed to start job=" + name, e);
        }
    }

    private static void stopJob(String name, Job job) {
        job.running = false;
        try {
            job.stop.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "job failed to stop job=" + name, e);
        }
    }

    /** Who holds this job's unexpired lease (PostgreSQL), for health and tests. */
    public Optional<String> holderOf(String name) {
        long now = clock.millis();
        return db.read(c -> Statements.first(c, "SELECT holder FROM lease WHERE name = ? AND expires_at > ?",
                rs -> rs.getString(1), name, now));
    }

    /** This node's name in the lease table. */
    public String holder() {
        return holder;
    }

    /** Whether the job runs on this node now. */
    public boolean runsHere(String name) {
        Job job = jobs.get(name);
        if (job == null) {
            return false;
        }
        synchronized (job) {
            return job.running;
        }
    }

    /** Stops this node's jobs and gives their leases up, so another node takes them at its next round. */
    @Override
    public void close() {
        ScheduledExecutorService r;
        synchronized (this) {
            closed = true;
            r = renewer;
        }
        if (r != null) {
            r.shutdownNow();
        }
        for (Map.Entry<String, Job> e : jobs.entrySet()) {
            Job job = e.getValue();
            synchronized (job) {
                if (job.running) {
                    stopJob(e.getKey(), job);
                }
            }
        }
        if (shared) {
            try {
                db.inTransaction(c -> Statements.update(c, "DELETE FROM lease WHERE holder = ?", holder));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "leases not released (they expire): {0}", e.toString());
            }
        }
    }
}
