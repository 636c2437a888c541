package id.kanal.app;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.time.Duration;
import java.util.Set;
import java.util.function.Predicate;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts the requests being answered, so that a shutdown can let them finish first. Helidon
 * 4.2's {@code WebServer.stop()} interrupts the threads of open connections, requests in the
 * middle of being answered included: a Twilio webhook whose complaint is committed would lose
 * its reply. So the shutdown first {@link #drain drains}: new requests get 503 with
 * {@code Connection: close} (providers retry them, nothing was acknowledged), the ones already
 * inside run to their end, and only then does the server stop.
 *
 * <p>Server-sent event streams (the console's live queue) never end by themselves and are
 * not counted: they are closed by the stop. A stream is known by its path (a client need not
 * send {@code Accept: text/event-stream}) or by that header.
 */
final class InFlightRequests implements Filter {
    private static final System.Logger LOG = System.getLogger(InFlightRequests.class.getName());

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private final Predicate<String> eventStreamPath;
    private int inFlight;
    private boolean draining;

    /** @param eventStreamPaths the paths of server-sent event streams, which are never waited for */
    InFlightRequests(Set<String> eventStreamPaths) {
        this(Set.copyOf(eventStreamPaths)::contains);
    }

    /** @param eventStreamPath whether a path is a server-sent event stream's (one per LIVE board, say) */
    InFlightRequests(Predicate<String> eventStreamPath) {
        this.eventStreamPath = eventStreamPath;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (isEventStream(req)) {
            chain.proceed();
            return;
        }
        if (!enter()) {
            res.header(HeaderValues.CONNECTION_CLOSE);
            res.status(Status.SERVICE_UNAVAILABLE_503).send("shutting down");
            return;
        }
        try {
            chain.proceed();
        } finally {
            exit();
        }
    }

    private boolean isEventStream(RoutingRequest req) {
        return eventStreamPath.test(req.path().path()) || req.headers().first(HeaderNames.ACCEPT).map(a -> a.contains("text/event-stream")).orElse(false);
    }

    private boolean enter() {
        lock.lock();
        try {
            if (draining) {
                return false;
            }
            inFlight++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void exit() {
        lock.lock();
        try {
            if (--inFlight == 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Refuses new requests from now on and waits until the ones inside have been answered. */
    boolean drain(Duration timeout) {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            draining = true;
            while (inFlight > 0) {
                if (nanos <= 0) {
                    LOG.log(System.Logger.Level.WARNING, "shutdown: {0} requests still running after {1}",
                            String.valueOf(inFlight), timeout);
                    return false;
                }
                nanos = idle.awaitNanos(nanos);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    int count() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    boolean draining() {
        lock.lock();
        try {
            return draining;
        } finally {
            lock.unlock();
        }
    }
}
