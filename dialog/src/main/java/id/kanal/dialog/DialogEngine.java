package id.kanal.dialog;

import id.kanal.dialog.port.Intent;
import id.kanal.dialog.port.Intents;
import id.kanal.dialog.port.Pack;
import id.kanal.dialog.port.ServiceUnavailableException;
import id.kanal.dialog.port.Trip;
import id.kanal.dialog.port.Turn;
import id.kanal.dialog.port.TurnLocks;

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
    private static final int MISUNDERSTANDINGS_BEFORE_AGENT = 2;
    /** Intents that start a flow of their own, for a change of mind in the middle of another. */
    private static final Set<String> FLOW_INTENTS = Set.of(Intents.COMPLAINT_FILE, Intents.COMPLAINT_STATUS,
            Intents.PRICE_QUERY, Intents.SCHEDULE_QUERY);
    /** A change of mind must be plain: a guess of the classifier does not leave the flow. */
    private static final double CHANGE_OF_MIND_CONFIDENCE = 0.6;

    private final DialogSettings settings;
    private final DialogServices services;
    private final Clock clock;
    private final Replies replies;
    private final ComplaintFlow complaintFlow;
    private final StatusFlow statusFlow;
    private final PriceFlow priceFlow;
    private final ScheduleFlow scheduleFlow;
    private final HandoffFlow handoffFlow;
    private final FeedbackFlow feedbackFlow;
    private final AlertFlow alertFlow;
    private final PackFlow packFlow;
    private final Emergencies emergencies;
    private final TurnLocks locks;

    public DialogEngine(DialogSettings settings, Texts texts, DialogServices services, Clock clock) {
        this(settings, texts, services, LoopServices.none(), clock, new SenderLocks(1024));
    }

    /** One node: the turn locks in memory. */
    public DialogEngine(DialogSettings settings, Texts texts, DialogServices services, LoopServices loop, Clock clock) {
        this(settings, texts, services, loop, clock, new SenderLocks(1024));
    }

    /**
     * @param loop  the questions asked after the fact and the alert subscriptions ({@link FeedbackFlow}, {@link AlertFlow})
     * @param locks one resident's turns one at a time: in memory for one node, in the database for several
     */
    public DialogEngine(DialogSettings settings, Texts texts, DialogServices services, LoopServices loop, Clock clock,
                        TurnLocks locks) {
        this.locks = java.util.Objects.requireNonNull(locks, "locks");
        this.settings = settings;
        this.services = services;
        this.clock = clock;
        this.replies = new Replies(texts, settings, services.packs(), ServiceMenu.of(services.prices(), services.schedules()));
        this.complaintFlow = new ComplaintFlow(replies, services.complaints());
        this.statusFlow = new StatusFlow(replies, services.complaints());
        this.priceFlow = new PriceFlow(replies, services.prices(), clock);
        this.scheduleFlow = new ScheduleFlow(replies, services.schedules(), clock);
        this.handoffFlow = new HandoffFlow(replies, clock);
        this.feedbackFlow = new FeedbackFlow(replies, loop.questions(), services.complaints());
        this.alertFlow = new AlertFlow(replies, loop.alerts(), services.prices(), services.residents(), clock,
                settings.regionName());
        this.packFlow = new PackFlow(replies, services.packs(), clock);
        this.emergencies = new Emergencies(replies, services.conversations());
    }

    @Override
    public Reply handle(InboundMessage message) {
        return locks.withTurn(message, () -> {
            try {
                return handleInOrder(message);
            } catch (RuntimeException e) {
                return failedTurn(message, e);
            }
        });
    }

    /**
     * A turn that failed (a bug, or a store that broke mid-turn) is still recorded when the store
     * answers: the message in the transcript (an agent sees it; nothing the resident said is lost)
     * with the apology as its reply, so a provider's retry gets the same apology rather than the
     * failing turn again. The conversation's state stays as it was. When even that cannot be
     * saved, the first failure goes to the adapter, which answers so that the provider retries.
     */
    private Reply failedTurn(InboundMessage m, RuntimeException failure) {
        LOG.log(System.Logger.Level.ERROR, "turn failed channel=" + m.channel().id() + " from=" + m.from()
                + " id=" + m.providerMessageId(), failure);
        try {
            Conversation c = services.conversations().load(m.from()).orElseGet(() -> Conversation.start(m.from(),
                    clock.instant()));
            Reply apology = fitChannel(replies.say(c.language(), "unavailable"), m.channel());
            services.conversations().save(new Turn(m, c, apology));
            return apology;
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            throw failure;
        }
    }

    private Reply handleInOrder(InboundMessage m) {
        Optional<Reply> earlier = services.conversations().replyTo(m.from(), m.providerMessageId());
        if (earlier.isPresent()) {
            LOG.log(System.Logger.Level.INFO, "duplicate channel={0} from={1} id={2}: first reply repeated",
                    m.channel().id(), m.from(), m.providerMessageId());
            return earlier.get();
        }
        Instant now = clock.instant();
        Conversation c = services.conversations().load(m.from()).orElseGet(() -> begin(m, now));
        // One understanding, made first: the command, the menu's number, alerts and emergencies all read its simplified text.
        Understanding u = new Understanding(m, services.classifier());
        Command command = Command.of(m.text(), u.simple());
        Outcome out;
        try {
            boolean expired = now.isAfter(c.lastActivity().plus(settings.idleTimeout()));
            Optional<Outcome> answered = feedbackFlow.answer(c, m, command != Command.NONE, now);
            if (answered.isPresent()) {
                out = answered.get(); // a question Kanal asked ("was it fixed?") and this message answers
            } else if (expired && !c.state().isHandedOff()) {
                Optional<ComplaintDraft> draft = c.state().pendingDraft();
                c = c.with(State.MENU);
                out = draft.isPresent() && command == Command.NONE
                        ? Outcome.of(c.with(new State.OfferingResume(draft.get())), handoffFlow.withYesNo(c.language(), "resume.offer"))
                        : turn(c, u, command);
            } else {
                out = turn(c, u, command);
            }
        } catch (ServiceUnavailableException e) {
            LOG.log(System.Logger.Level.WARNING, "service unavailable channel={0} from={1}: {2}",
                    m.channel().id(), m.from(), e.getMessage());
            out = Outcome.of(c, replies.say(c.language(), "unavailable"));
        }
        if (!out.understood() && changesMind(c.state(), u)) {
            // "eh salah, mau lapor sampah saja" while a price list waits for a pick: the resident changed their mind.
            out = menu(out.conversation().with(State.MENU), u);
        }
        if (!out.understood() && Intents.HANDOFF_REQUEST.equals(u.reading().name())) {
            // "mau ngomong sama petugas" in the middle of a numbered choice: the resident wants a person.
            out = handoffFlow.queue(c, HandoffFlow.ASKED);
        }
        int misunderstandings = out.understood() ? 0 : c.misunderstandings() + 1;
        if (misunderstandings >= MISUNDERSTANDINGS_BEFORE_AGENT) {
            out = handoffFlow.offer(out.conversation());
            misunderstandings = 0;
        }
        Conversation after = out.conversation();
        after = new Conversation(after.resident(), after.language(), after.state(), misunderstandings, now);
        Reply reply = fitChannel(emergencies.first(u, after, out.reply()), m.channel());
        services.conversations().save(new Turn(m, after, reply));
        emergencies.flagForAgent(u, after);
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(System.Logger.Level.DEBUG, "turn channel={0} from={1} state={2}", m.channel().id(), m.from(),
                    StateCodec.typeOf(after.state()));
        }
        return reply;
    }

    /**
     * A message a numbered choice did not understand, which plainly asks for another service.
     * Only states that hold nothing the resident typed (a half-filed complaint is never dropped this way).
     */
    private boolean changesMind(State state, Understanding u) {
        Optional<String> own = switch (state) {
            case State.AskingCommodity s -> Optional.of(Intents.PRICE_QUERY);
            case State.AskingStop s -> Optional.of(Intents.SCHEDULE_QUERY);
            case State.ChoosingStop s -> Optional.of(Intents.SCHEDULE_QUERY);
            case State.AskingTicket s -> Optional.of(Intents.COMPLAINT_STATUS);
            case State.ChoosingCategory s when s.draft().location().isEmpty() -> Optional.of(Intents.COMPLAINT_FILE);
            default -> Optional.empty();
        };
        if (own.isEmpty()) {
            return false;
        }
        String wanted;
        if (u.asksToComplain()) {
            wanted = Intents.COMPLAINT_FILE;
        } else {
            Intent intent = u.reading();
            if (intent.confidence() < CHANGE_OF_MIND_CONFIDENCE) {
                return false;
            }
            wanted = intent.name();
        }
        return (FLOW_INTENTS.contains(wanted) || Pack.codeOf(wanted).isPresent()) && !wanted.equals(own.get());
    }

    /** A new conversation: the resident's remembered language, or English when the first message plainly is. */
    private Conversation begin(InboundMessage m, Instant now) {
        Conversation c = Conversation.start(m.from(), now);
        Optional<Language> known = services.residents().language(m.from());
        if (known.isPresent()) {
            return c.with(known.get());
        }
        Optional<Language> guessed = LanguageGuess.plainly(m.text());
        guessed.ifPresent(lang -> services.residents().setLanguage(m.from(), lang, now));
        return guessed.map(c::with).orElse(c);
    }

    private Outcome turn(Conversation c, Understanding u, Command command) {
        InboundMessage m = u.message();
        Language lang = c.language();
        switch (command) {
            case STOP -> {
                return stop(c);
            }
            case START -> {
                return start(c);
            }
            default -> {
            }
        }
        if (c.state() instanceof State.WithAgent) {
            return handoffFlow.waitForAgent(c);
        }
        if (c.state() instanceof State.Queued) {
            if (command == Command.CANCEL || command == Command.MENU) {
                return Outcome.of(c.with(State.MENU), replies.thenMenu(lang, "agent.left.queue"));
            }
            return handoffFlow.waitForAgent(c);
        }
        switch (command) {
            case CANCEL -> {
                return Outcome.of(c.with(State.MENU), replies.thenMenu(lang, "cancelled"));
            }
            case MENU -> {
                return Outcome.of(c.with(State.MENU), replies.menu(lang, false));
            }
            case ZERO -> {
                if (!(c.state() instanceof State.Menu)) {
                    return Outcome.of(c.with(State.MENU), replies.menu(lang, false));
                }
            }
            case HELP -> {
                return Outcome.of(c, replies.say(lang, "help"));
            }
            case AGENT -> {
                return handoffFlow.queue(c, HandoffFlow.ASKED);
            }
            case ENGLISH, INDONESIAN -> {
                return languageSet(c, command == Command.ENGLISH ? Language.EN : Language.ID);
            }
            default -> {
            }
        }
        Optional<Outcome> alert = alertFlow.keyword(c, u);
        if (alert.isPresent()) {
            return alert.get();
        }
        String simple = u.simple();
        Optional<String> ticket = u.ticket();
        if (simple.startsWith("status ") && ticket.isPresent()) {
            return statusFlow.answer(c, m);
        }
        if ((simple.startsWith("belum beres") || simple.startsWith("not fixed")) && ticket.isPresent()) {
            return complaintFlow.reopen(c, ticket.get(), m);
        }
        return switch (c.state()) {
            case State.Menu s -> menu(c, u);
            case State.AskingTicket s -> statusFlow.answer(c, m);
            case State.ChoosingLanguage s -> chooseLanguage(c, m);
            case State.AskingCommodity s -> priceFlow.answerCommodity(c, s, m);
            case State.AskingStop s -> scheduleFlow.answerStop(c, s, u);
            case State.ChoosingStop s -> scheduleFlow.chooseStop(c, s, m);
            case State.OfferingAgent s -> handoffFlow.answerOffer(c, m);
            case State.ChoosingPack s -> packFlow.choose(c, m).orElseGet(() -> menu(c.with(State.MENU), u));
            case State.ReadingPack s -> packFlow.answer(c, s, m).orElseGet(() -> menu(c.with(State.MENU), u));
            case State.OfferingResume s -> resume(c, s, u);
            case State.ChoosingCategory s -> complaintFlow.handle(c, s, u);
            case State.AskingLocation s -> complaintFlow.handle(c, s, u);
            case State.AskingDescription s -> complaintFlow.handle(c, s, u);
            case State.Confirming s -> complaintFlow.handle(c, s, u);
            case State.Queued s -> handoffFlow.waitForAgent(c);
            case State.WithAgent s -> handoffFlow.waitForAgent(c);
        };
    }

    private Outcome menu(Conversation c, Understanding u) {
        InboundMessage m = u.message();
        Language lang = c.language();
        Optional<Integer> number = Words.numberIn(u.simple());
        Intent none = Intent.of(Intents.OUT_OF_SCOPE, 0);
        if (number.isPresent()) {
            return switch (number.get()) {
                case 1 -> complaintFlow.start(c, m, none);
                case 2 -> statusFlow.start(c);
                case 3 -> priceFlow.start(c, m, none);
                case 4 -> scheduleFlow.start(c, Trip.NONE);
                case 5 -> handoffFlow.queue(c, HandoffFlow.ASKED);
                case 0 -> Outcome.of(c.with(new State.ChoosingLanguage()), replies.say(lang, "language.choose"));
                case Replies.PACKS_NUMBER -> packFlow.menu(c)
                        .orElseGet(() -> Outcome.misunderstood(c, replies.say(lang, "not.understood")));
                default -> Outcome.misunderstood(c, replies.say(lang, "not.understood"));
            };
        }
        if (u.ticket().isPresent()) {
            // A ticket code at the menu is about that complaint ("gmn laporan TNG-000123?").
            return statusFlow.answer(c, m);
        }
        if (u.asksToComplain()) {
            // "lapor" always files; the classification still brings the category and the place.
            return complaintFlow.start(c, m, u.reading());
        }
        Intent intent = u.intent();
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(System.Logger.Level.DEBUG, "intent={0} confidence={1}", intent.name(), intent.confidence());
        }
        return switch (intent.name()) {
            case Intents.COMPLAINT_FILE -> complaintFlow.start(c, m, intent);
            case Intents.COMPLAINT_STATUS -> u.ticket().or(() -> intent.entity("ticket")).isPresent()
                    ? statusFlow.answer(c, m) : statusFlow.start(c);
            case Intents.PRICE_QUERY -> priceFlow.start(c, m, intent);
            case Intents.SCHEDULE_QUERY -> scheduleFlow.start(c, u.trip());
            case Intents.HANDOFF_REQUEST -> handoffFlow.queue(c, HandoffFlow.ASKED);
            case Intents.GREETING -> Outcome.of(c, replies.menu(lang, true));
            case Intents.HELP -> Outcome.of(c, replies.say(lang, "help"));
            case Intents.THANKS -> Outcome.of(c, replies.say(lang, "thanks"));
            case Intents.OPTOUT -> stop(c);
            default -> packFlow.byIntent(intent.name()).map(p -> packFlow.start(c, m, p))
                    .orElseGet(() -> Outcome.misunderstood(c, replies.say(lang, "not.understood")));
        };
    }

    private Outcome resume(Conversation c, State.OfferingResume s, Understanding u) {
        if (Words.isYes(u.text())) {
            return complaintFlow.resume(c, s.draft());
        }
        Conversation atMenu = c.with(State.MENU);
        return Words.isNo(u.text()) ? Outcome.of(atMenu, replies.menu(c.language(), false)) : menu(atMenu, u);
    }

    /** STOP is confirmed once; a repeated STOP gets no answer, so an opted-out resident is left in peace. */
    private Outcome stop(Conversation c) {
        if (services.residents().isOptedOut(c.resident())) {
            return Outcome.of(c.with(State.MENU), Reply.silent());
        }
        services.residents().optOut(c.resident(), clock.instant());
        return Outcome.of(c.with(State.MENU), replies.say(c.language(), "stop.confirmed",
                java.util.Map.of("region", settings.regionName())));
    }

    private Outcome start(Conversation c) {
        if (!services.residents().isOptedOut(c.resident())) {
            return Outcome.of(c.with(State.MENU), replies.menu(c.language(), true));
        }
        services.residents().optIn(c.resident(), clock.instant());
        Reply menu = replies.menu(c.language(), false);
        return Outcome.of(c.with(State.MENU), new Reply(replies.text(c.language(), "start.confirmed") + "\n"
                + menu.text(), menu.options(), false));
    }

    private Outcome chooseLanguage(Conversation c, InboundMessage m) {
        Optional<Integer> n = Words.number(m.text());
        if (n.isPresent() && (n.get() == 1 || n.get() == 2)) {
            return languageSet(c, n.get() == 1 ? Language.ID : Language.EN);
        }
        return Outcome.misunderstood(c, replies.say(c.language(), "language.choose"));
    }

    private Outcome languageSet(Conversation c, Language language) {
        services.residents().setLanguage(c.resident(), language, clock.instant());
        return Outcome.of(c.with(language).with(State.MENU), replies.say(language, "language.set"));
    }

    /**
     * An agent takes a queued conversation. Exactly one agent wins: the turn lock orders this
     * against the resident's own messages and other agents.
     *
     * @return false when the conversation is not waiting for an agent (already taken, or left)
     */
    public boolean assignAgent(Address resident, String agent) {
        return locks.withLock(resident, () -> {
            Optional<Conversation> c = services.conversations().load(resident);
            if (c.isEmpty() || !(c.get().state() instanceof State.Queued)) {
                return false;
            }
            services.conversations().saveState(c.get().with(new State.WithAgent(agent, clock.instant())));
            return true;
        });
    }

    /**
     * Moves a conversation from one agent to another, under the resident's turn lock so that a
     * message arriving meanwhile cannot write back the old owner.
     *
     * @return false when {@code from} did not own it
     */
    public boolean transferAgent(Address resident, String from, String to) {
        return locks.withLock(resident, () -> {
            Optional<Conversation> c = services.conversations().load(resident);
            if (c.isEmpty() || !(c.get().state() instanceof State.WithAgent w) || !w.agent().equals(from)) {
                return false;
            }
            services.conversations().saveState(c.get().with(new State.WithAgent(to, clock.instant())));
            return true;
        });
    }

    /**
     * An agent hands the conversation back to the bot; the resident is asked to rate the agent.
     *
     * @return the message to send the resident (with the rating question), or empty when that agent did not own it
     */
    public Optional<String> handBack(Address resident, String agent) {
        return locks.withLock(resident, () -> {
            Optional<Conversation> c = services.conversations().load(resident);
            if (c.isEmpty() || !(c.get().state() instanceof State.WithAgent w) || !w.agent().equals(agent)) {
                return Optional.<String>empty();
            }
            services.conversations().saveState(c.get().with(State.MENU));
            return Optional.of(feedbackFlow.handedBack(c.get(), agent, clock.instant()));
        });
    }

    /**
     * SMS and USSD get GSM-7 within two segments: every text is written to fit, and echoed
     * resident text is sanitised; this is the last guard, and it logs when it has to act.
     */
    private static Reply fitChannel(Reply reply, Channel channel) {
        if (!channel.isNarrow() || reply.isSilent()) {
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
