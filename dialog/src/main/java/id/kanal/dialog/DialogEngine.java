package id.kanal.dialog;

import id.kanal.dialog.port.Intent;
import id.kanal.dialog.port.Intents;
import id.kanal.dialog.port.ServiceUnavailableException;
import id.kanal.dialog.port.Turn;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Kanal's conversation engine: one turn per inbound message. Turns of one sender run one at a
 * time in arrival order; a message seen before gets its first reply again; the new state,
 * transcript and inbound record are saved together before the reply is returned.
 */
public final class DialogEngine implements InboundHandler {
    private static final System.Logger LOG = System.getLogger(DialogEngine.class.getName());
    private static final Set<String> MENU_WORDS = Set.of("menu", "mulai", "start", "kembali", "back");
    private static final Set<String> CANCEL_WORDS = Set.of("batal", "cancel", "batalkan");
    private static final Set<String> HELP_WORDS = Set.of("bantuan", "help", "tolong", "?");
    private static final Set<String> COMPLAINT_WORDS = Set.of("lapor", "laporan", "keluhan", "aduan", "adukan",
            "komplain", "report", "complaint", "complain");

    private final DialogSettings settings;
    private final DialogServices services;
    private final Clock clock;
    private final Replies replies;
    private final ComplaintFlow complaintFlow;
    private final StatusFlow statusFlow;
    private final SenderLocks locks = new SenderLocks(1024);

    public DialogEngine(DialogSettings settings, Texts texts, DialogServices services, Clock clock) {
        this.settings = settings;
        this.services = services;
        this.clock = clock;
        this.replies = new Replies(texts, settings);
        this.complaintFlow = new ComplaintFlow(replies, services.complaints());
        this.statusFlow = new StatusFlow(replies, services.complaints());
    }

    @Override
    public Reply handle(InboundMessage message) {
        return locks.withLock(message.from(), () -> handleInOrder(message));
    }

    private Reply handleInOrder(InboundMessage m) {
        Optional<Reply> earlier = services.conversations().replyTo(m.channel(), m.providerMessageId());
        if (earlier.isPresent()) {
            LOG.log(System.Logger.Level.INFO, "duplicate channel={0} from={1} id={2}: first reply repeated",
                    m.channel().id(), m.from(), m.providerMessageId());
            return earlier.get();
        }
        Instant now = clock.instant();
        Conversation c = services.conversations().load(m.from()).orElseGet(() -> Conversation.start(m.from(), now));
        if (now.isAfter(c.lastActivity().plus(settings.idleTimeout()))) {
            c = c.with(State.MENU);
        }
        Outcome out;
        try {
            out = turn(c, m);
        } catch (ServiceUnavailableException e) {
            LOG.log(System.Logger.Level.WARNING, "service unavailable channel={0} from={1}: {2}",
                    m.channel().id(), m.from(), e.getMessage());
            out = Outcome.of(c, replies.say(c.language(), "unavailable"));
        }
        Conversation after = out.conversation();
        int misunderstandings = out.understood() ? 0 : c.misunderstandings() + 1;
        after = new Conversation(after.resident(), after.language(), after.state(), misunderstandings, now);
        Reply reply = fitChannel(out.reply(), m.channel());
        services.conversations().save(new Turn(m, after, reply));
        LOG.log(System.Logger.Level.DEBUG, "turn channel={0} from={1} state={2}", m.channel().id(), m.from(),
                after.state().getClass().getSimpleName());
        return reply;
    }

    private Outcome turn(Conversation c, InboundMessage m) {
        String simple = Words.simplify(m.text());
        Language lang = c.language();
        if (CANCEL_WORDS.contains(simple)) {
            return Outcome.of(c.with(State.MENU), replies.thenMenu(lang, "cancelled"));
        }
        if (MENU_WORDS.contains(simple) || (simple.equals("0") && !(c.state() instanceof State.Menu))) {
            return Outcome.of(c.with(State.MENU), replies.menu(lang, false));
        }
        if (HELP_WORDS.contains(simple) || m.text().strip().equals("?")) {
            return Outcome.of(c, replies.say(lang, "help"));
        }
        Optional<Language> switchTo = languageCommand(simple);
        if (switchTo.isPresent()) {
            return languageSet(c, switchTo.get());
        }
        if (simple.startsWith("status ") && Words.ticket(m.text()).isPresent()) {
            return statusFlow.answer(c, m);
        }
        return switch (c.state()) {
            case State.Menu s -> menu(c, m, simple);
            case State.AskingTicket s -> statusFlow.answer(c, m);
            case State.ChoosingLanguage s -> chooseLanguage(c, m);
            default -> complaintFlow.handle(c, c.state(), m);
        };
    }

    private Outcome menu(Conversation c, InboundMessage m, String simple) {
        Optional<Integer> number = Words.number(m.text());
        if (number.isPresent()) {
            return switch (number.get()) {
                case 1 -> complaintFlow.start(c, m);
                case 2 -> statusFlow.start(c);
                case 0 -> Outcome.of(c.with(new State.ChoosingLanguage()), replies.say(c.language(), "language.choose"));
                case 3, 4, 5 -> Outcome.of(c, replies.say(c.language(), "not.yet"));
                default -> Outcome.misunderstood(c, replies.say(c.language(), "not.understood"));
            };
        }
        if (Words.hasAnyWord(simple, COMPLAINT_WORDS)) {
            return complaintFlow.start(c, m);
        }
        Intent intent = services.classifier().classify(m.text());
        return switch (intent.name()) {
            case Intents.COMPLAINT_FILE -> complaintFlow.start(c, m);
            case Intents.COMPLAINT_STATUS -> Words.ticket(m.text()).isPresent() ? statusFlow.answer(c, m)
                    : statusFlow.start(c);
            case Intents.GREETING -> Outcome.of(c, replies.menu(c.language(), true));
            case Intents.HELP -> Outcome.of(c, replies.say(c.language(), "help"));
            case Intents.PRICE_QUERY, Intents.SCHEDULE_QUERY, Intents.HANDOFF_REQUEST ->
                    Outcome.of(c, replies.say(c.language(), "not.yet"));
            default -> Outcome.misunderstood(c, replies.say(c.language(), "not.understood"));
        };
    }

    private Outcome chooseLanguage(Conversation c, InboundMessage m) {
        Optional<Integer> n = Words.number(m.text());
        if (n.isPresent() && (n.get() == 1 || n.get() == 2)) {
            return languageSet(c, n.get() == 1 ? Language.ID : Language.EN);
        }
        return Outcome.misunderstood(c, replies.say(c.language(), "language.choose"));
    }

    private Outcome languageSet(Conversation c, Language language) {
        return Outcome.of(c.with(language).with(State.MENU), replies.say(language, "language.set"));
    }

    private static Optional<Language> languageCommand(String simple) {
        return switch (simple) {
            case "bahasa en", "language en", "english", "bahasa inggris" -> Optional.of(Language.EN);
            case "bahasa id", "language id", "bahasa indonesia", "indonesian" -> Optional.of(Language.ID);
            default -> Optional.empty();
        };
    }

    /**
     * SMS and USSD get GSM-7 within two segments: every text is written to fit, and echoed
     * resident text is sanitised; this is the last guard, and it logs when it has to act.
     */
    private static Reply fitChannel(Reply reply, Channel channel) {
        if (!channel.isNarrow()) {
            return reply;
        }
        String fitted = Gsm7.clip(Gsm7.sanitize(reply.text()), Gsm7.TWO_SEGMENTS);
        if (fitted.equals(reply.text())) {
            return reply;
        }
        LOG.log(System.Logger.Level.WARNING, "reply rewritten to fit channel={0}: length {1} -> {2}",
                channel.id(), reply.text().length(), fitted.length());
        return new Reply(fitted, reply.options(), reply.endSession());
    }
}
