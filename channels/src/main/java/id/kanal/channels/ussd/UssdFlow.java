package id.kanal.channels.ussd;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.Conversation;
import id.kanal.dialog.Gsm7;
import id.kanal.dialog.InboundHandler;
import id.kanal.dialog.InboundMessage;
import id.kanal.dialog.Language;
import id.kanal.dialog.Masking;
import id.kanal.dialog.Reply;
import id.kanal.dialog.State;
import id.kanal.dialog.Texts;
import id.kanal.dialog.port.ConversationStore;
import id.kanal.dialog.port.OutboundMessage;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One USSD request to one screen: takes the new input out of the gateway's cumulative
 * {@code text}, pages long replies ({@code 98}), offers to resume a dropped session, and runs
 * the dialog turn with a deadline (a late answer goes by SMS). Shared by the Africa's Talking
 * callback ({@link UssdService}) and USSD over SMPP.
 */
public final class UssdFlow {
    private static final System.Logger LOG = System.getLogger(UssdFlow.class.getName());
    private static final Executor TURNS = Executors.newVirtualThreadPerTaskExecutor();

    private final UssdConfig config;
    private final InboundHandler handler;
    private final ConversationStore conversations;
    private final UssdSessions sessions;
    private final PendingUssdTurns pending;
    private final QueuedReceipts receipts;
    private final Texts texts;
    private final Clock clock;
    private final UssdResidents residents;

    /**
     * @param conversations read to tell whether a dropped session was mid-flow
     * @param pending       turns slower than the gateway's deadline, held durably until their reply is queued
     * @param receipts      whether a turn filed a complaint whose SMS receipt is queued: its late reply is not sent
     */
    public UssdFlow(UssdConfig config, InboundHandler handler, ConversationStore conversations, UssdSessions sessions,
                    PendingUssdTurns pending, QueuedReceipts receipts, Texts texts, Clock clock) {
        this(config, handler, conversations, sessions, pending, receipts, texts, clock, UssdResidents.oneRegion());
    }

    /** @param residents who a session dialled on a service code is for (its region's resident) */
    public UssdFlow(UssdConfig config, InboundHandler handler, ConversationStore conversations, UssdSessions sessions,
                    PendingUssdTurns pending, QueuedReceipts receipts, Texts texts, Clock clock,
                    UssdResidents residents) {
        this.residents = residents;
        this.config = config;
        this.handler = handler;
        this.conversations = conversations;
        this.sessions = sessions;
        this.pending = pending;
        this.receipts = receipts;
        this.texts = texts;
        this.clock = clock;
    }

    /**
     * The screen for one gateway request ({@code CON ...} or {@code END ...}).
     *
     * @param text every input of the session so far, joined by {@code *} (empty on the first screen)
     */
    public String answer(String sessionId, String phone, String text) {
        return answer(sessionId, phone, text, Optional.empty());
    }

    /**
     * The same, for a session dialled on {@code serviceCode}: its turns carry the code, which picks
     * the region in a deployment of several. A session is kept under the resident as that region
     * knows them (its {@code phone} is their address's value), so a dropped session is offered
     * again only when the same code's region is dialled again.
     */
    public String answer(String sessionId, String phone, String text, Optional<String> serviceCode) {
        Instant now = clock.instant();
        Address resident = residents.of(phone, serviceCode);
        phone = resident.value();
        Optional<Conversation> conversation = conversations.load(resident);
        Language lang = conversation.map(Conversation::language).orElse(Language.ID);
        // A first request (no input yet) whose session is not at hand runs as a new session: should it be a
        // retry of one the database has (across a restart), it runs its first turn again under the same message
        // id, which the dialog answers from its record. Only inputs need the stored session.
        Optional<UssdSession> known = text.isEmpty() ? sessions.findCached(sessionId) : sessions.find(sessionId);
        if (known.isEmpty()) {
            UssdSession fresh = new UssdSession(sessionId, phone, text, "", false, 0, false, now);
            if (text.isEmpty()) {
                Optional<UssdSession> dropped = resumable(conversation, phone, sessionId, now);
                if (dropped.isPresent()) {
                    UssdSession offer = new UssdSession(sessionId, phone, text, dropped.get().screen(),
                            dropped.get().screenEnds(), dropped.get().page(), true, now);
                    sessions.save(offer);
                    LOG.log(System.Logger.Level.INFO, "resume offered channel=ussd from={0}", resident.masked());
                    return UssdScreens.screen(texts.get(lang, "ussd.resume"), false);
                }
                return turn(fresh, resident, "MENU", lang, now, serviceCode);
            }
            // A dial string with inputs (*123*1#) arrives as a first request with text already set.
            return turn(fresh, resident, text, lang, now, serviceCode);
        }
        UssdSession s = known.get();
        if (text.equals(s.text())) {
            // The gateway asked again (a retry): the same screen, nothing run twice.
            return s.resumePending() ? UssdScreens.screen(texts.get(lang, "ussd.resume"), false) : show(s, lang);
        }
        String input = newInput(s.text(), text);
        UssdSession advanced = new UssdSession(sessionId, phone, text, s.screen(), s.screenEnds(), s.page(),
                s.resumePending(), now);
        if (s.resumePending()) {
            switch (input.strip()) {
                case "1" -> {
                    UssdSession resumed = new UssdSession(sessionId, phone, text, s.screen(), s.screenEnds(), s.page(),
                            false, now);
                    sessions.save(resumed);
                    return show(resumed, lang);
                }
                case "2" -> {
                    return turn(advanced, resident, "MENU", lang, now, serviceCode);
                }
                default -> {
                    sessions.save(advanced);
                    return UssdScreens.screen(texts.get(lang, "ussd.resume"), false);
                }
            }
        }
        // The screen is cut into pages only for a "more": every other input runs a turn.
        if (input.strip().equals(UssdScreens.MORE_INPUT)
                && s.page() + 1 < UssdScreens.pages(s.screen(), texts.get(lang, "ussd.more")).size()) {
            UssdSession next = new UssdSession(sessionId, phone, text, s.screen(), s.screenEnds(), s.page() + 1,
                    false, now);
            sessions.save(next);
            return show(next, lang);
        }
        return turn(advanced, resident, input, lang, now, serviceCode);
    }

    /** A dropped session worth resuming: its conversation is mid-flow and was active within the window. */
    private Optional<UssdSession> resumable(Optional<Conversation> conversation, String phone, String sessionId,
                                            Instant now) {
        boolean midFlow = conversation.filter(c -> !(c.state() instanceof State.Menu))
                .filter(c -> !now.isAfter(c.lastActivity().plus(config.resumeWindow())))
                .isPresent();
        if (!midFlow) {
            return Optional.empty();
        }
        return sessions.latestFor(phone, sessionId)
                .filter(d -> !d.screenEnds() && !d.screen().isEmpty())
                .filter(d -> !now.isAfter(d.updatedAt().plus(config.resumeWindow())));
    }

    /**
     * The part of {@code text} after what the session has seen. Inputs are joined by {@code *}
     * and a resident cannot type a {@code *} into an input, so the prefix is exact; should a
     * gateway ever send something else, the last input is the best guess.
     */
    static String newInput(String previous, String text) {
        if (previous.isEmpty()) {
            return text;
        }
        if (text.startsWith(previous + "*")) {
            return text.substring(previous.length() + 1);
        }
        int star = text.lastIndexOf('*');
        return star < 0 ? text : text.substring(star + 1);
    }

    private String turn(UssdSession s, Address resident, String input, Language lang, Instant now,
                        Optional<String> serviceCode) {
        // The id is stable for a gateway retry of the same request and unique within the session.
        String id = s.sessionId() + ":" + s.text().length();
        InboundMessage message = InboundMessage.text(id, resident, input, now).arrivedOn(serviceCode.orElse(null));
        LOG.log(System.Logger.Level.DEBUG, "inbound channel=ussd session={0} text={1}", s.sessionId(), input);
        CompletableFuture<Reply> running = CompletableFuture.supplyAsync(() -> handler.handle(message), TURNS);
        Reply reply;
        try {
            reply = running.get(config.deadline().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, "slow turn channel=ussd from={0}: answer follows by SMS",
                    Masking.mask(resident.value()));
            // The gateway hears END now while the turn runs on: the message is held first, so a crash
            // before the turn commits loses nothing (the next start runs it, see resumeUnfinished).
            // Held before the completion is watched, so the finish that drops the hold comes after it.
            hold(new PendingUssdTurns.Pending(id, s.phone(), input, now));
            running.whenComplete((late, failure) -> lateBySms(message, late, failure));
            String later = texts.get(lang, "ussd.later");
            sessions.save(new UssdSession(s.sessionId(), s.phone(), s.text(), later, true, 0, false, now));
            return UssdScreens.screen(later, true);
        } catch (ExecutionException e) {
            LOG.log(System.Logger.Level.ERROR, "failed channel=ussd from=" + Masking.mask(resident.value()), e.getCause());
            return UssdScreens.screen(texts.get(lang, "unavailable"), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UssdScreens.screen(texts.get(lang, "unavailable"), true);
        }
        // A filed complaint's SMS receipt is the complaint desk's, queued in the filing transaction;
        // matching ticket codes here would also text every status lookup and could lose the receipt.
        UssdSession shown = new UssdSession(s.sessionId(), s.phone(), s.text(), Gsm7.sanitize(reply.text()),
                reply.endSession() || filedWithNothingToChoose(message, reply), 0, false, now);
        String more = texts.get(lang, "ussd.more");
        List<String> pages = UssdScreens.pages(shown.screen(), more);
        if (s.text().isEmpty() && pages.size() == 1) {
            // A session's first screen on one page: lost, it is the same as none (the next input runs as the
            // session's first, under the same message id; a retry of this request runs again, answered from the
            // dialog's record), so it is kept at hand, not written: a third of a session's writes.
            sessions.remember(shown);
        } else {
            sessions.save(shown);
        }
        return UssdScreens.render(pages, 0, shown.screenEnds(), more);
    }

    /**
     * A turn that filed a complaint answers with its receipt ("Laporan TNG-000123 diteruskan ke ...
     * Cek: STATUS TNG-000123"), which offers nothing to choose (STATUS is an SMS command) and leaves the
     * dialog at the menu: the session ends there ({@code END}, over SMPP a PSSR response) rather than
     * waiting for an input that never comes. A receipt that offers options keeps the session open.
     */
    private boolean filedWithNothingToChoose(InboundMessage turn, Reply reply) {
        return reply.options().isEmpty() && !reply.isSilent() && receiptQueued(turn);
    }

    private void hold(PendingUssdTurns.Pending turn) {
        try {
            pending.hold(turn);
        } catch (RuntimeException e) {
            // The store is failing; the turn most likely fails too. The screen still answers.
            LOG.log(System.Logger.Level.ERROR, "slow turn not held channel=ussd from=" + Masking.mask(turn.phone()), e);
        }
    }

    /**
     * Runs the turns a crash left held (the gateway heard END, the turn never finished): the dialog
     * runs each once (a turn that did commit just gives its reply again), and the reply follows by
     * SMS as for any late turn. Returns how many were resumed.
     */
    int resumeUnfinished() {
        List<PendingUssdTurns.Pending> left = pending.unfinished();
        for (PendingUssdTurns.Pending p : left) {
            InboundMessage message = InboundMessage.text(p.providerId(), new Address(Channel.USSD, p.phone()), p.input(),
                    p.receivedAt());
            Reply reply = null;
            Throwable failure = null;
            try {
                reply = handler.handle(message);
            } catch (RuntimeException e) {
                failure = e;
            }
            lateBySms(message, reply, failure);
        }
        if (!left.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "resumed channel=ussd turns={0} left by a stop before they finished",
                    left.size());
        }
        return left.size();
    }

    private void lateBySms(InboundMessage turn, Reply late, Throwable failure) {
        Address resident = turn.from();
        if (failure != null) {
            // Left held: the next start runs it again.
            LOG.log(System.Logger.Level.ERROR, "late turn failed channel=ussd from=" + Masking.mask(resident.value()), failure);
            return;
        }
        // Silent: nothing to say (an agent owns the conversation), and an empty SMS is no message.
        // Receipt queued: the turn filed a complaint, and the desk's receipt already says what this
        // reply says (ticket and agency); one SMS is enough.
        String skip = late.isSilent() ? "silent" : receiptQueued(turn) ? "receipt-queued" : null;
        try {
            if (skip != null) {
                pending.finish(turn.providerMessageId(), Optional.empty());
                LOG.log(System.Logger.Level.INFO, "late reply not sent channel=ussd from={0} reason={1}",
                        Masking.mask(resident.value()), skip);
                return;
            }
            pending.finish(turn.providerMessageId(), Optional.of(sms(resident, late.text(), "ussd-reply")));
            LOG.log(System.Logger.Level.INFO, "late reply queued channel=ussd from={0}", Masking.mask(resident.value()));
        } catch (RuntimeException e) {
            // Still held: the next start gives the committed turn's reply again and queues it then.
            LOG.log(System.Logger.Level.ERROR, "late reply not queued channel=ussd from=" + Masking.mask(resident.value()), e);
        }
    }

    /**
     * Whether the turn filed a complaint and the desk queued its receipt; when that cannot be told, no:
     * two SMS beat none, and a session left open beats one ended early.
     */
    private boolean receiptQueued(InboundMessage turn) {
        try {
            return receipts.queuedFor(turn);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "receipt check failed channel=ussd from="
                    + Masking.mask(turn.from().value()) + ": taken as none", e);
            return false;
        }
    }

    private static OutboundMessage sms(Address resident, String text, String kind) {
        String body = Gsm7.clip(Gsm7.sanitize(text), Gsm7.TWO_SEGMENTS);
        return new OutboundMessage(new Address(Channel.SMS, resident.value()), body, kind, OutboundMessage.REPLY,
                Optional.empty());
    }

    private String show(UssdSession s, Language lang) {
        String more = texts.get(lang, "ussd.more");
        return UssdScreens.render(UssdScreens.pages(s.screen(), more), s.page(), s.screenEnds(), more);
    }
}
