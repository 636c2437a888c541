package id.kanal.channels.smpp;

import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerResponseDeliveryAdapter;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A small SMSC on loopback, built on jSMPP's server side: what the {@code smsc} command runs
 * and what the SMPP tests talk to. It accepts one system id and password (a wrong one is
 * refused with {@code ESME_RINVPASWD}), records every {@code submit_sm} and answers it with a
 * message id (or with an error the test asks for, such as {@code ESME_RTHROTTLED}), sends a
 * delivery receipt for what asked for one, sends {@code deliver_sm} as a resident would (SMS,
 * concatenated SMS, USSD steps), and can drop every link at once.
 */
public final class LocalSmsc implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LocalSmsc.class.getName());
    public static final int ESME_RTHROTTLED = SMPPConstant.STAT_ESME_RTHROTTLED;
    public static final int ESME_RMSGQFUL = SMPPConstant.STAT_ESME_RMSGQFUL;
    public static final int ESME_RINVDSTADR = SMPPConstant.STAT_ESME_RINVDSTADR;

    /**
     * One {@code submit_sm} Kanal sent, one part of it.
     *
     * @param text    this part's text, decoded
     * @param ussdOp  {@code ussd_service_op} when it is a USSD step
     * @param part    1-based part number; {@code parts} how many (1 for a single message)
     */
    public record Submitted(String messageId, String from, String to, String text, int dataCoding,
                            Optional<Integer> ussdOp, Optional<Integer> sessionInfo, Optional<Integer> userRef,
                            int part, int parts, boolean receiptRequested, Instant at) {
    }

    private final String systemId;
    private final String password;
    private final SMPPServerSessionListener listener;
    private final ServerSocket socket;
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final List<Submitted> submitted = new CopyOnWriteArrayList<>();
    private final List<Consumer<Submitted>> watchers = new CopyOnWriteArrayList<>();
    private final java.util.Queue<Integer> refusals = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger ids = new AtomicInteger(0x5f2a0000);
    private final AtomicInteger refs = new AtomicInteger();
    private final AtomicInteger refusedBinds = new AtomicInteger();
    private final AtomicInteger acceptedBinds = new AtomicInteger();
    private final java.util.Set<String> unanswered = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.ScheduledExecutorService later =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
    /** A handset acknowledges after a moment; an SMSC's receipt follows the submit by at least that much. */
    private static final long RECEIPT_DELAY_MS = 200;
    private volatile boolean receipts = true;
    private volatile String receiptStat = "DELIVRD";
    private volatile boolean closed;
    private final Thread acceptor;

    private LocalSmsc(int port, String systemId, String password) throws IOException {
        this.systemId = systemId;
        this.password = password;
        this.socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        this.listener = new SMPPServerSessionListener(port, new LoopbackServerConnections(socket));
        this.listener.setMessageReceiverListener(new Receiver());
        this.listener.setResponseDeliveryListener(new ServerResponseDeliveryAdapter() {
            @Override
            public void onSubmitSmRespError(SubmitSmResult result, Exception cause, SMPPServerSession source) {
                unanswered.add(result.getMessageId());
            }
        });
        this.acceptor = Thread.ofPlatform().daemon().name("local-smsc-accept").start(this::acceptLoop);
    }

    /** Starts listening on loopback; port 0 takes a free one. */
    public static LocalSmsc start(int port, String systemId, String password) {
        try {
            return new LocalSmsc(port, systemId, password);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Every part Kanal submitted, in order. */
    public List<Submitted> submitted() {
        return List.copyOf(submitted);
    }

    /** Called with each part Kanal submits (the prompt prints them). */
    public void onSubmit(Consumer<Submitted> watcher) {
        watchers.add(watcher);
    }

    /** Answers the next {@code count} {@code submit_sm} with {@code commandStatus} (e.g. {@link #ESME_RTHROTTLED}). */
    public void refuseNext(int count, int commandStatus) {
        for (int i = 0; i < count; i++) {
            refusals.add(commandStatus);
        }
    }

    /** Whether a receipt follows each submit that asked for one, and which {@code stat:} it carries. */
    public void receipts(boolean send, String stat) {
        this.receipts = send;
        this.receiptStat = stat;
    }

    /**
     * Ids of submits accepted here whose {@code submit_sm_resp} could not be written (the link
     * dropped first): Kanal never learnt they went, so it may rightly send them again.
     */
    public java.util.Set<String> unanswered() {
        return java.util.Set.copyOf(unanswered);
    }

    public int boundLinks() {
        return (int) sessions.stream().filter(s -> s.getSessionState().isBound()).count();
    }

    /** Binds accepted since the start (a link that came back counts again). */
    public int acceptedBinds() {
        return acceptedBinds.get();
    }

    public int refusedBinds() {
        return refusedBinds.get();
    }

    /** Closes every link's socket at once, as a crashed SMSC or a cut line would. */
    public void dropLinks() {
        for (SMPPServerSession s : sessions) {
            s.close();
        }
        sessions.clear();
    }

    /** A resident's SMS; a long one goes as concatenated parts (UDH, 8-bit reference). Blocks until each part is answered. */
    public void sms(String from, String to, String text) {
        SmppText.Encoded e = SmppText.encode(text, false, refs.incrementAndGet() & 0xFF);
        for (byte[] part : e.parts()) {
            deliver(from, to, e.concatenated() ? new ESMClass(0x40) : new ESMClass(), e.dataCoding(), part);
        }
    }

    /** One raw {@code deliver_sm} (tests: a redelivery, a part out of order, a bad coding). */
    public void deliver(String from, String to, ESMClass esm, int dataCoding, byte[] message,
                        OptionalParameter... params) {
        SMPPServerSession s = session();
        try {
            s.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, from,
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, to, esm, (byte) 0, (byte) 0,
                    new RegisteredDelivery(), DataCodings.newInstance((byte) dataCoding), message, params);
        } catch (Exception e) {
            throw new IllegalStateException("deliver_sm not answered: " + e, e);
        }
    }

    /**
     * A USSD step: op 1 (PSSR indication) with the dialled string, or 18 (USSR confirm) with the
     * resident's answer; {@code sessionInfo} is the gateway's {@code its_session_info}.
     */
    public void ussd(String from, String to, int op, String text, int sessionInfo) {
        deliver(from, to, new ESMClass(), 0, text.getBytes(StandardCharsets.ISO_8859_1),
                new OptionalParameter.Ussd_service_op((byte) op), new OptionalParameter.Its_session_info((short) sessionInfo));
    }

    /** Waits until a submitted part matches, or fails after {@code timeout}. */
    public Submitted await(Predicate<Submitted> match, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (Submitted s : submitted) {
                if (match.test(s)) {
                    return s;
                }
            }
            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
        }
        throw new AssertionError("no matching submit_sm within " + timeout + "; got " + submitted);
    }

    private SMPPServerSession session() {
        return sessions.stream().filter(s -> s.getSessionState().isBound()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no ESME bound"));
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SMPPServerSession s = listener.accept();
                background.execute(() -> bind(s));
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(System.Logger.Level.WARNING, "accept failed: {0}", e.toString());
                }
            }
        }
    }

    private void bind(SMPPServerSession s) {
        try {
            BindRequest req = s.waitForBind(5_000);
            if (!systemId.equals(req.getSystemId()) || !password.equals(req.getPassword())) {
                refusedBinds.incrementAndGet();
                LOG.log(System.Logger.Level.INFO, "bind refused system_id={0}: wrong system id or password", req.getSystemId());
                req.reject(systemId.equals(req.getSystemId()) ? SMPPConstant.STAT_ESME_RINVPASWD : SMPPConstant.STAT_ESME_RINVSYSID);
                return;
            }
            if (req.getBindType() != BindType.BIND_TRX) {
                req.reject(SMPPConstant.STAT_ESME_RBINDFAIL);
                return;
            }
            sessions.add(s);
            req.accept("kanal-smsc");
            acceptedBinds.incrementAndGet();
            LOG.log(System.Logger.Level.INFO, "bound system_id={0} as transceiver", req.getSystemId());
        } catch (Exception e) {
            LOG.log(System.Logger.Level.INFO, "bind failed: {0}", e.toString());
        }
    }

    private final class Receiver extends SubmitOnlyListener {
        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm sm, SMPPServerSession source) throws ProcessRequestException {
            Integer refusal = refusals.poll();
            if (refusal != null) {
                throw new ProcessRequestException("refused on request", refusal);
            }
            DeliverPdu pdu = DeliverPdu.of(sm, sm.getShortMessage());
            SmppInbound read = DeliverSmReader.read(pdu, false);
            String id = Integer.toHexString(ids.incrementAndGet());
            boolean wantsReceipt = (sm.getRegisteredDelivery() & 0x03) != 0;
            Submitted s = switch (read) {
                case SmppInbound.Ussd u -> new Submitted(id, sm.getSourceAddr(), sm.getDestAddress(), u.text(),
                        sm.getDataCoding(), Optional.of(u.op()), u.sessionInfo(), u.userRef(), 1, 1, wantsReceipt, Instant.now());
                case SmppInbound.Part p -> new Submitted(id, sm.getSourceAddr(), sm.getDestAddress(), p.text(),
                        sm.getDataCoding(), Optional.empty(), Optional.empty(), Optional.empty(),
                        p.concat().map(Concat::seq).orElse(1), p.concat().map(Concat::total).orElse(1), wantsReceipt, Instant.now());
                case SmppInbound.Receipt r -> throw new ProcessRequestException("a receipt is no submit", SMPPConstant.STAT_ESME_RINVESMCLASS);
            };
            submitted.add(s);
            watchers.forEach(w -> w.accept(s));
            if (wantsReceipt && receipts) {
                later.schedule(() -> background.execute(() -> receipt(source, s)), RECEIPT_DELAY_MS, TimeUnit.MILLISECONDS);
            }
            try {
                return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
            } catch (PDUStringException e) {
                throw new ProcessRequestException(e.getMessage(), SMPPConstant.STAT_ESME_RSYSERR);
            }
        }
    }

    /** A receipt in both forms at once: {@code receipted_message_id}/{@code message_state} and the text. */
    private void receipt(SMPPServerSession session, Submitted s) {
        String stat = receiptStat;
        byte state = (byte) switch (stat) {
            case "DELIVRD" -> 2;
            case "EXPIRED" -> 3;
            case "UNDELIV" -> 5;
            case "REJECTD" -> 8;
            default -> 7;
        };
        String text = "id:" + s.messageId() + " sub:001 dlvrd:" + (state == 2 ? "001" : "000")
                + " submit date:2612041200 done date:2612041200 stat:" + stat + " err:" + (state == 2 ? "000" : "001") + " text:";
        try {
            session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, s.to(),
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, s.from(), new ESMClass(0x04), (byte) 0, (byte) 0,
                    new RegisteredDelivery(), DataCodings.ZERO, text.getBytes(StandardCharsets.US_ASCII),
                    new OptionalParameter.Receipted_message_id(s.messageId()), new OptionalParameter.Message_state(state));
        } catch (Exception e) {
            LOG.log(System.Logger.Level.INFO, "receipt for {0} not delivered: {1}", s.messageId(), e.toString());
        }
    }

    @Override
    public void close() {
        closed = true;
        dropLinks();
        try {
            listener.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the listener: {0}", e.toString());
        }
        later.shutdownNow();
        background.shutdownNow();
        try {
            acceptor.join(Duration.ofSeconds(2));
            background.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
