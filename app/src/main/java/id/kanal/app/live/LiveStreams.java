package id.kanal.app.live;

import id.kanal.services.live.LiveBoard;
import id.kanal.services.live.LiveFigures;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The LIVE Room's open event streams on this node, and the one thread that feeds them.
 *
 * <p>Every {@code tick} the feeder asks the board for the figures of each region somebody is
 * watching. The board computes a region's figures at most once per its freshness period (10 s) and
 * hands the same figures to every caller, so a thousand screens cost what one does; when the
 * figures differ from the last ones sent (the time they were made aside), their JSON goes to every
 * stream of that region. A stream that has not read its last board yet gets only the newest one.
 *
 * <p>Bounded: at most {@code maxStreams} streams at once ({@link #open} answers empty beyond it,
 * and the page polls instead); {@link #close} ends every stream at once, so a server's stop never
 * waits on a wall screen.
 */
final class LiveStreams implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LiveStreams.class.getName());

    /** What a stream's reader is handed when the node stops: end now. */
    private static final String CLOSED = "";

    private final LiveBoard board;
    private final Function<LiveFigures, String> json;
    private final int maxStreams;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, Set<Stream>> byRegion = new ConcurrentHashMap<>();
    /** The figures last sent per region, with their time set to 0 (a recomputation that changed nothing is no news). */
    private final Map<String, LiveFigures> lastSent = new ConcurrentHashMap<>();
    private final ScheduledExecutorService feeder = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "live-board-streams");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    /**
     * @param json       the board's JSON, as {@code /live/{region}.json} writes it
     * @param maxStreams streams open at once on this node (0: none)
     * @param tick       how often the feeder looks at the boards being watched
     */
    LiveStreams(LiveBoard board, Function<LiveFigures, String> json, int maxStreams, Duration tick) {
        if (maxStreams < 0) {
            throw new IllegalArgumentException("maxStreams must be >= 0: " + maxStreams);
        }
        this.board = board;
        this.json = json;
        this.maxStreams = maxStreams;
        feeder.scheduleWithFixedDelay(this::feed, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A new stream of the region's boards; empty when this node already keeps {@code maxStreams} open or is stopping. */
    Optional<Stream> open(String region) {
        if (closed || open.incrementAndGet() > maxStreams) {
            open.decrementAndGet();
            return Optional.empty();
        }
        Stream s = new Stream(region);
        byRegion.computeIfAbsent(region, r -> ConcurrentHashMap.newKeySet()).add(s);
        if (closed) { // closed between the check and the registration: it must not wait for a board that never comes
            s.offer(CLOSED);
        }
        return Optional.of(s);
    }

    private void feed() {
        for (Map.Entry<String, Set<Stream>> e : byRegion.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            try {
                board.figures(e.getKey()).ifPresent(f -> {
                    LiveFigures timeless = timeless(f);
                    if (!timeless.equals(lastSent.put(e.getKey(), timeless))) {
                        String body = json.apply(f);
                        e.getValue().forEach(s -> s.offer(body));
                    }
                });
            } catch (RuntimeException ex) {
                // The screens keep their last board (and their heartbeat); the next tick tries again.
                LOG.log(System.Logger.Level.WARNING, "live board not computed region=" + e.getKey(), ex);
            }
        }
    }

    private static LiveFigures timeless(LiveFigures f) {
        return new LiveFigures(f.region(), f.regionName(), 0, f.total(), f.byAgency(), f.byCategory(),
                f.resolvedLast30Days(), f.medianDaysToResolution());
    }

    /** Ends every stream now and stops the feeder. */
    @Override
    public void close() {
        closed = true;
        feeder.shutdownNow();
        byRegion.values().forEach(streams -> streams.forEach(s -> s.offer(CLOSED)));
    }

    /** One screen's stream: the newest board it has not been sent yet, if any. */
    final class Stream implements AutoCloseable {
        private final String region;
        private final BlockingQueue<String> pending = new ArrayBlockingQueue<>(1);

        private Stream(String region) {
            this.region = region;
        }

        private synchronized void offer(String body) {
            if (CLOSED.equals(pending.peek())) {
                return; // ending stays ending
            }
            pending.clear();
            pending.offer(body);
        }

        /**
         * Waits up to {@code wait} for a board newer than the last one taken.
         *
         * @return the board's JSON; empty on timeout (time for a heartbeat)
         * @throws StreamEndedException when the node is stopping
         */
        Optional<String> next(Duration wait) throws InterruptedException {
            String body = pending.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (CLOSED.equals(body) || closed) {
                throw new StreamEndedException();
            }
            return Optional.ofNullable(body);
        }

        @Override
        public void close() {
            Set<Stream> streams = byRegion.get(region);
            if (streams != null && streams.remove(this)) {
                open.decrementAndGet();
            }
        }
    }

    /** The node is stopping: the stream ends. */
    static final class StreamEndedException extends RuntimeException {
        StreamEndedException() {
            super("live board streams closed", null, false, false);
        }
    }
}
