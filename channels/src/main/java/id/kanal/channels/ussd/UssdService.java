package id.kanal.channels.ussd;

import id.kanal.channels.web.AdapterTexts;
import id.kanal.channels.web.BoundedBody;
import id.kanal.channels.web.ClientErrorException;
import id.kanal.channels.web.ClientAddress;
import id.kanal.channels.web.MalformedRequestException;
import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.Conversation;
import id.kanal.dialog.InboundHandler;
import id.kanal.dialog.Masking;
import id.kanal.dialog.Texts;
import id.kanal.dialog.port.ConversationStore;
import id.kanal.dialog.port.OutboundMessage;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The USSD gateway callback in Africa's Talking's format: {@code POST <mount>/ussd}, a form
 * with {@code sessionId}, {@code serviceCode}, {@code phoneNumber}, {@code networkCode} and
 * {@code text} (every input of the session joined by {@code *}), answered {@code text/plain}
 * {@code CON ...} or {@code END ...} (https://developers.africastalking.com/docs/ussd/handle_sessions).
 *
 * <p>Outcomes: 503 while neither {@code KANAL_USSD_ALLOWED_IPS} nor {@code KANAL_USSD_SECRET} is
 * set (the route trusts the {@code phoneNumber} it is sent, so it is off until the gateway is
 * named); 403 for a caller outside the allow-list (the caller as {@link ClientAddress} works it
 * out: a forwarded-for header counts only from a trusted proxy) or without the right
 * {@code key}; 400 for a request Kanal cannot read; 413 for a form above {@link #MAX_FORM_BYTES} or a
 * {@code text} above {@link #MAX_TEXT_CHARACTERS}; otherwise 200 with a screen, an
 * {@code END} apology when Kanal fails (a gateway shows an error page for anything else).
 */
public final class UssdService implements HttpService {
    private static final System.Logger LOG = System.getLogger(UssdService.class.getName());
    private static final String TEXT_PLAIN = "text/plain; charset=UTF-8";
    /**
     * The longest {@code text} of a session: every input so far joined by {@code *}. One USSD input is
     * at most 182 characters (GSM 03.90), and a session ends after a few minutes and a dozen screens,
     * so 4096 characters is generous; longer never comes from a real gateway.
     */
    static final int MAX_TEXT_CHARACTERS = 4096;
    /** The longest callback form: {@link #MAX_TEXT_CHARACTERS} percent-encoded, plus the other short fields. */
    static final int MAX_FORM_BYTES = 16 * 1024;
    /** The answer while the gateway is not named, for whoever sets Kanal up. */
    public static final String OFF = "USSD is off: set KANAL_USSD_SECRET (the gateway sends it as ?key=) "
            + "or KANAL_USSD_ALLOWED_IPS (the gateway's networks)";

    private final UssdConfig config;
    private final Optional<byte[]> key;
    private final UssdFlow flow;
    private final AdapterTexts apologies;

    /**
     * @param conversations read to tell whether a dropped session was mid-flow
     * @param outbox        durably enqueues a message (committed when it returns): late replies and receipts by SMS
     */
    public UssdService(UssdConfig config, InboundHandler handler, ConversationStore conversations,
                       UssdSessions sessions, Consumer<OutboundMessage> outbox, Clock clock) {
        this(config, handler, conversations, sessions, outbox, QueuedReceipts.none(), clock);
    }

    /**
     * @param conversations read to tell whether a dropped session was mid-flow
     * @param outbox        durably enqueues a message (committed when it returns): late replies by SMS
     * @param receipts      whether a turn filed a complaint whose SMS receipt is queued: its late reply is not sent
     */
    public UssdService(UssdConfig config, InboundHandler handler, ConversationStore conversations,
                       UssdSessions sessions, Consumer<OutboundMessage> outbox, QueuedReceipts receipts, Clock clock) {
        this(config, handler, conversations, sessions, PendingUssdTurns.inMemory(outbox), receipts, clock);
    }

    /**
     * @param conversations read to tell whether a dropped session was mid-flow
     * @param pending       slow turns held durably before the gateway hears END; their late replies by SMS
     * @param receipts      whether a turn filed a complaint whose SMS receipt is queued: its late reply is not sent
     */
    public UssdService(UssdConfig config, InboundHandler handler, ConversationStore conversations,
                       UssdSessions sessions, PendingUssdTurns pending, QueuedReceipts receipts, Clock clock) {
        this(config, handler, conversations, sessions, pending, receipts, clock, UssdResidents.oneRegion());
    }

    /** @param residents who a session dialled on a service code is for (its region's resident) */
    public UssdService(UssdConfig config, InboundHandler handler, ConversationStore conversations,
                       UssdSessions sessions, PendingUssdTurns pending, QueuedReceipts receipts, Clock clock,
                       UssdResidents residents) {
        this.config = config;
        this.key = config.secret().map(s -> s.getBytes(StandardCharsets.UTF_8));
        Texts texts = Texts.builtIn();
        this.flow = new UssdFlow(config, handler, conversations, sessions, pending, receipts, texts, clock, residents);
        // The apology in the language of the resident's conversation, as the screens before it were.
        this.apologies = new AdapterTexts(texts, a -> conversations.load(a).map(Conversation::language));
    }

    /**
     * Runs the slow turns a stop left unfinished (held before their END, see {@link PendingUssdTurns}),
     * their replies by SMS. Call at start, before the route takes requests. Returns how many.
     */
    public int resumeUnfinished() {
        return flow.resumeUnfinished();
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/ussd", this::handle);
    }

    private void handle(ServerRequest req, ServerResponse res) {
        if (!config.enabled()) {
            // Said once at start; a refused call is not worth a line each.
            LOG.log(System.Logger.Level.DEBUG, "rejected channel=ussd: off until an allow-list or a secret is set");
            res.status(Status.SERVICE_UNAVAILABLE_503).send(OFF);
            return;
        }
        Optional<String> refused = refusal(req);
        if (refused.isPresent()) {
            LOG.log(System.Logger.Level.WARNING, "rejected channel=ussd: {0}", refused.get());
            res.status(Status.FORBIDDEN_403).send("forbidden");
            return;
        }
        UssdRequest request;
        try {
            request = UssdRequest.parse(BoundedBody.text(req, MAX_FORM_BYTES));
            BoundedBody.checkLength("text", request.text(), MAX_TEXT_CHARACTERS);
            LOG.log(System.Logger.Level.DEBUG, "ussd session={0} serviceCode={1} network={2}", request.sessionId(),
                    request.serviceCode(), request.networkCode());
        } catch (ClientErrorException e) {
            LOG.log(System.Logger.Level.WARNING, "rejected channel=ussd status={0}: {1}", e.status(), e.getMessage());
            res.status(Status.create(e.status())).send(e.getMessage());
            return;
        }
        String screen;
        try {
            screen = flow.answer(request.sessionId(), request.phone(), request.text(),
                    java.util.Optional.of(request.serviceCode()));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "failed channel=ussd from=" + Masking.mask(request.phone())
                    + " session=" + request.sessionId(), e);
            screen = UssdScreens.screen(apologies.apology(new Address(Channel.USSD, request.phone())), true);
        }
        res.header(HeaderNames.CONTENT_TYPE, TEXT_PLAIN);
        // As bytes: a String goes through the media writers' look-up and a stream on every answer.
        res.send(screen.getBytes(StandardCharsets.UTF_8));
    }

    /** Why the caller is refused, or empty. */
    private Optional<String> refusal(ServerRequest req) {
        if (!config.allowed().isEmpty()) {
            Optional<InetAddress> from = ClientAddress.of(req);
            if (from.isEmpty() || config.allowed().stream().noneMatch(c -> c.contains(from.get()))) {
                return Optional.of("caller " + ClientAddress.text(req) + " not allowed");
            }
        }
        if (key.isPresent()) {
            Optional<String> given = req.query().first("key").asOptional();
            // Constant-time, so timing does not reveal how much of a guess was right.
            if (given.isEmpty() || !MessageDigest.isEqual(key.get(), given.get().getBytes(StandardCharsets.UTF_8))) {
                return Optional.of(given.isEmpty() ? "key missing" : "key wrong");
            }
        }
        return Optional.empty();
    }
}
