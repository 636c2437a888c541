package id.kanal.app;

import id.kanal.services.BackgroundLoop;
import id.kanal.store.LeasedJobs;
import id.kanal.store.ussd.SqlUssdSessions;

import java.time.Clock;
import java.time.Duration;

/**
 * Deletes the USSD sessions older than a day ({@link SqlUssdSessions#prune}) every {@link #EVERY}, on
 * a thread of its own: pruned inside a session's save, its scan of the table held up every turn
 * committed with it. A leased job, so one node of several runs it (any could: a prune is idempotent).
 */
final class UssdSessionPruning {
    private static final System.Logger LOG = System.getLogger(UssdSessionPruning.class.getName());
    /** The job's name among the node's leased jobs. */
    static final String JOB = "ussd-session-prune";
    static final Duration EVERY = Duration.ofMinutes(1);

    private UssdSessionPruning() {
    }

    /** Registers the job; it stops with the jobs ({@link LeasedJobs#close}). */
    static void schedule(LeasedJobs jobs, SqlUssdSessions sessions, Clock clock) {
        BackgroundLoop loop = new BackgroundLoop(JOB, EVERY, Duration.ofSeconds(10), () -> round(sessions, clock));
        jobs.register(JOB, loop::start, loop::close);
    }

    /** One round; returns how many sessions went. */
    static int round(SqlUssdSessions sessions, Clock clock) {
        int deleted = sessions.prune(clock.instant());
        if (deleted > 0) {
            LOG.log(System.Logger.Level.DEBUG, "ussd sessions pruned count={0}", deleted);
        }
        return deleted;
    }
}
