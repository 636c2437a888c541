package id.kanal.services;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One round of a background job every {@code every} on its own daemon thread (the Open311
 * forwarder, the photo fetcher), started and stopped by the server. A round that throws is logged
 * and the next round runs: a database hiccup must not end the loop.
 */
public final class BackgroundLoop implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(BackgroundLoop.class.getName());

    private final String name;
    private final Duration every;
    private final Duration stopWait;
    private final Runnable round;
    private ScheduledExecutorService loop;

    /**
     * @param name     the thread's name, also in the log
     * @param stopWait how long {@link #close()} lets a round in progress finish
     */
    public BackgroundLoop(String name, Duration every, Duration stopWait, Runnable round) {
        this.name = Objects.requireNonNull(name, "name");
        this.every = Objects.requireNonNull(every, "every");
        this.stopWait = Objects.requireNonNull(stopWait, "stopWait");
        this.round = Objects.requireNonNull(round, "round");
    }

    /** Runs the first round now and one every {@code every} after each; false when already started. */
    public synchronized boolean start() {
        if (loop != null) {
            return false;
        }
        loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        loop.scheduleWithFixedDelay(this::runRound, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return true;
    }

    /** Runs a round now, besides the schedule; nothing when not started. */
    public synchronized void wake() {
        if (loop != null) {
            loop.execute(this::runRound);
        }
    }

    private void runRound() {
        try {
            round.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, name + " round failed; the next one runs as planned", e);
        }
    }

    /** Stops the loop, letting a round in progress finish (up to {@code stopWait}). */
    @Override
    public synchronized void close() {
        if (loop == null) {
            return;
        }
        loop.shutdown();
        try {
            if (!loop.awaitTermination(stopWait.toMillis(), TimeUnit.MILLISECONDS)) {
                loop.shutdownNow();
            }
        } catch (InterruptedException e) {
            loop.shutdownNow();
            Thread.currentThread().interrupt();
        }
        loop = null;
    }
}
