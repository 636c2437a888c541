package id.kanal.channels.smpp;

import id.kanal.dialog.Masking;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One transceiver link to one SMSC, kept up: binds, lets jSMPP's {@code enquire_link} watch an
 * idle line, and when the bind fails or the link drops, binds again after an exponential
 * backoff with jitter (so links cut together do not come back in one burst). Submits pass a
 * window (at most so many unanswered {@code submit_sm}) and the contracted rate.
 */
final class SmppLink implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SmppLink.class.getName());
    private static final long BIND_TIMEOUT_MS = 10_000;
    /** How long a submit waits for its answer; jSMPP does not fail the waiting ones when the link drops. */
    private static final long TRANSACTION_TIMEOUT_MS = 5_000;

    /** What health reports for a link. */
    enum State { BOUND, RECONNECTING, DOWN }

    /** The SMSC answered a {@code submit_sm} with an error status. */
    static final class Refused extends Exception {
        final int status;

        Refused(int status) {
            super(SmppStatus.describe(status));
            this.status = status;
        }
    }

    /** No answer: the link is not bound, the window stayed full, or the answer never came. */
    static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }

    private final SmppConnection config;
    private final MessageReceiverListener inbound;
    private final Semaphore window;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile SMPPSession session;
    private volatile State state = State.DOWN;
    private volatile boolean closed;
    private long nextSlotNanos = System.nanoTime();
    private Thread supervisor;

    SmppLink(SmppConnection config, MessageReceiverListener inbound) {
        this.config = config;
        this.inbound = inbound;
        this.window = new Semaphore(config.window(), true);
    }

    SmppConnection config() {
        return config;
    }

    State state() {
        return state;
    }

    synchronized void start() {
        if (supervisor == null) {
            state = State.RECONNECTING;
            supervisor = Thread.ofVirtual().name("smpp-link-" + config.name()).start(this::keepBound);
        }
    }

    /** Binds, waits for the link to drop, binds again, until closed. */
    private void keepBound() {
        int failures = 0;
        while (!closed) {
            state = State.RECONNECTING;
            SMPPSession s = bind();
            if (s != null) {
                failures = 0;
                session = s;
                state = State.BOUND;
                awaitDrop(s);
                session = null;
                if (closed) {
                    break;
                }
                LOG.log(System.Logger.Level.WARNING, "link={0} dropped; binding again", config.name());
            } else {
                failures++;
            }
            pause(backoff(failures));
        }
        state = State.DOWN;
    }

    private SMPPSession bind() {
        // PDUs are small request/answer pairs: Nagle's algorithm would hold each for a delayed ACK (~40 ms).
        SMPPSession s = new SMPPSession((host, port) -> {
            java.net.Socket socket = new java.net.Socket(host, port);
            socket.setTcpNoDelay(true);
            return new org.jsmpp.session.connection.socket.SocketConnection(socket);
        });
        s.setEnquireLinkTimer((int) config.enquireLink().toMillis());
        s.setTransactionTimer(TRANSACTION_TIMEOUT_MS);
        // Turns commit before deliver_sm_resp, so they run on jSMPP's processor threads: several,
        // so one slow turn does not hold up receipts and other residents.
        s.setPduProcessorDegree(16);
        s.setMessageReceiverListener(inbound);
        s.addSessionStateListener((now, before, source) -> signal());
        try {
            s.connectAndBind(config.host(), config.port(), new BindParameter(BindType.BIND_TRX, config.systemId(),
                    config.password(), config.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null),
                    BIND_TIMEOUT_MS);
            LOG.log(System.Logger.Level.INFO, "link={0} bound to {1}:{2} as system_id={3}", config.name(), config.host(),
                    String.valueOf(config.port()), config.systemId());
            return s;
        } catch (Exception e) {
            // jSMPP's message names the status (e.g. "Negative response 0000000e"), never the password.
            LOG.log(System.Logger.Level.WARNING, "link={0} bind to {1}:{2} as system_id={3} failed: {4}", config.name(),
                    config.host(), String.valueOf(config.port()), config.systemId(), SmppStatus.reason(e));
            s.close();
            return null;
        }
    }

    private void awaitDrop(SMPPSession s) {
        lock.lock();
        try {
            while (!closed && s.getSessionState().isBound()) {
                changed.await(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
        if (closed) {
            unbind(s);
        } else {
            s.close();
        }
    }

    /** Exponential from the configured minimum, at most the maximum, then between half and all of it. */
    Duration backoff(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 20);
        long ms = Math.min(config.reconnectMin().toMillis() << doublings, config.reconnectMax().toMillis());
        return Duration.ofMillis(ms / 2 + ThreadLocalRandom.current().nextLong(ms / 2 + 1));
    }

    private void pause(Duration d) {
        lock.lock();
        try {
            long left = d.toNanos();
            while (!closed && left > 0) {
                left = changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Submits one {@code submit_sm} and returns the SMSC's message id.
     *
     * @param ussdOp 0 for an SMS, else the {@code ussd_service_op} (its echo parameters follow in {@code extra})
     */
    String submit(String destination, int esmClass, int dataCoding, byte[] message, boolean receipt,
                  OptionalParameter... extra) throws Refused, Unavailable {
        return submit(Optional.empty(), destination, esmClass, dataCoding, message, receipt, extra);
    }

    /**
     * The same from {@code source} (a region's short code or number) instead of the link's own
     * source address, when given; its TON and NPI follow from its form.
     */
    String submit(Optional<String> source, String destination, int esmClass, int dataCoding, byte[] message,
                  boolean receipt, OptionalParameter... extra) throws Refused, Unavailable {
        SMPPSession s = session;
        if (s == null || !s.getSessionState().isTransmittable()) {
            throw new Unavailable("link " + config.name() + " not bound");
        }
        try {
            if (!window.tryAcquire(TRANSACTION_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                throw new Unavailable("link " + config.name() + ": window of " + config.window() + " stayed full");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted");
        }
        try {
            awaitRateSlot();
            String wireDest = destination.startsWith("+") ? destination.substring(1) : destination;
            SmppConnection.Source from = config.source(source);
            return s.submitShortMessage("", TypeOfNumber.valueOf((byte) from.ton()),
                    NumberingPlanIndicator.valueOf((byte) from.npi()), from.wire(),
                    TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, wireDest, new ESMClass(esmClass),
                    (byte) 0, (byte) 0, null, null, new RegisteredDelivery(receipt ? 1 : 0), (byte) 0,
                    DataCodings.newInstance((byte) dataCoding), (byte) 0, message, extra).getMessageId();
        } catch (NegativeResponseException e) {
            throw new Refused(e.getCommandStatus());
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "link={0} submit to={1} unanswered: {2}", config.name(),
                    Masking.mask(destination), SmppStatus.reason(e));
            throw new Unavailable("link " + config.name() + ": " + SmppStatus.reason(e));
        } finally {
            window.release();
        }
    }

    /** Spaces submits 1/tps apart (the operator's contracted rate); a burst waits its turn. */
    private void awaitRateSlot() {
        long interval = (long) (1_000_000_000L / config.tps());
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(now, nextSlotNanos);
            nextSlotNanos = slot + interval;
            wait = slot - now;
        }
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    private static void unbind(SMPPSession s) {
        if (s.getSessionState() != SessionState.CLOSED) {
            s.unbindAndClose();
        }
    }

    @Override
    public void close() {
        closed = true;
        signal();
        Thread t;
        synchronized (this) {
            t = supervisor;
        }
        SMPPSession s = session;
        if (t != null) {
            try {
                if (!t.join(Duration.ofSeconds(5)) && s != null) {
                    s.close();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        state = State.DOWN;
    }
}
