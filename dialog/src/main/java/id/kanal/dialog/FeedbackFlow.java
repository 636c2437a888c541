package id.kanal.dialog;

import id.kanal.dialog.port.ComplaintService;
import id.kanal.dialog.port.PendingQuestion;
import id.kanal.dialog.port.ResidentQuestions;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers to the questions Kanal asks after the fact: "Apakah masalahnya sudah beres? 1 Sudah
 * 2 Belum" after a resolution (2 reopens the complaint under the reopening rule, 1 records the
 * resident's satisfaction) and "how was the agent? 1-5" after a handback.
 *
 * <p>A bare number answers the question only while the question is the last thing said: the
 * resident has not written on this conversation since it was asked (or never wrote on it: the
 * question may have come by SMS to a WhatsApp reporter). A resident who meanwhile went to the
 * menu ("MENU", a price question, ...) and then sends "1" chooses from the menu; they can still
 * answer in words ("sudah beres", "belum beres"). Either way for {@link #ANSWERABLE}. Global commands and
 * conversations an agent owns are never read as answers.
 */
final class FeedbackFlow {
    /** How long a question may be answered (a "2" past the reopening window is told so). */
    static final Duration ANSWERABLE = Duration.ofDays(30);
    private static final Set<String> FIXED = Set.of("sudah beres", "sudah", "beres", "sudah selesai", "fixed", "it is fixed");
    private static final Set<String> NOT_FIXED = Set.of("belum beres", "belum", "belum selesai", "not fixed",
            "not yet", "still broken");
    /** Words that answer even when the question is no longer the last thing said (at the menu only). */
    private static final Set<String> PLAIN = Set.of("sudah beres", "belum beres", "fixed", "not fixed");

    private final Replies replies;
    private final ResidentQuestions questions;
    private final ComplaintService complaints;

    FeedbackFlow(Replies replies, ResidentQuestions questions, ComplaintService complaints) {
        this.replies = replies;
        this.questions = questions;
        this.complaints = complaints;
    }

    /** The turn when the message answers a pending question; empty to run the turn as usual. */
    Optional<Outcome> answer(Conversation c, InboundMessage m, boolean command, Instant now) {
        if (command || c.state().isHandedOff() || !couldAnswer(m.text())) {
            return Optional.empty(); // most turns: no look-up at all
        }
        Optional<PendingQuestion> pending = questions.pending(c.resident(), now.minus(ANSWERABLE));
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        PendingQuestion q = pending.get();
        // The question is the last thing said: a conversation's last activity is its resident's last
        // message, and a conversation new on this channel starts "now".
        boolean byNumber = !q.askedAt().isBefore(c.lastActivity()) || !c.lastActivity().isBefore(now);
        // After an answer the conversation goes on where it was, or at the menu when it had gone idle.
        Conversation after = now.isAfter(c.lastActivity().plus(replies.settings().idleTimeout())) ? c.with(State.MENU) : c;
        return switch (q.kind()) {
            case FIXED -> fixed(q, m, byNumber, c.state() instanceof State.Menu)
                    .map(fixed -> fixedAnswered(after, q, fixed, now));
            case AGENT -> Words.number(m.text()).filter(n -> byNumber && n >= 1 && n <= 5)
                    .map(n -> rated(after, q, n, now));
        };
    }

    /** Whether a message reads like an answer to some question: a number 1-5, yes or no, fixed or not. */
    private static boolean couldAnswer(String text) {
        String s = Words.simplify(text); // once: this runs on every turn
        return Words.numberIn(s).filter(n -> n >= 1 && n <= 5).isPresent() || Words.isYesOrNoIn(s)
                || FIXED.contains(s) || NOT_FIXED.contains(s);
    }

    /** What the resident said about the fix, when the message answers the question. */
    private static Optional<Boolean> fixed(PendingQuestion q, InboundMessage m, boolean byNumber, boolean atMenu) {
        String s = Words.simplify(m.text());
        if (byNumber && (Words.isYes(m.text()) || Words.isNo(m.text()))) {
            return Optional.of(Words.isYes(m.text()));
        }
        if (!byNumber && !(atMenu && PLAIN.contains(s))) {
            return Optional.empty();
        }
        return FIXED.contains(s) ? Optional.of(true) : NOT_FIXED.contains(s) ? Optional.of(false) : Optional.empty();
    }

    private Outcome fixedAnswered(Conversation c, PendingQuestion q, boolean fixed, Instant now) {
        Language lang = c.language();
        if (fixed) {
            questions.answer(q, 1, now);
            return Outcome.of(c, replies.say(lang, "feedback.fixed.thanks"));
        }
        // Reopened first: a desk that is down answers nothing, and the question waits for the retry.
        String key = switch (complaints.reopen(q.subject(), q.reporter(), "belum beres (jawaban pertanyaan)")) {
            case REOPENED -> "complaint.reopened";
            case NOT_FOUND -> "status.not.found";
            case REFUSED -> "complaint.reopen.refused";
        };
        questions.answer(q, 2, now);
        return Outcome.of(c, replies.say(lang, key, Map.of("ticket", q.subject(),
                "example", replies.settings().ticketPrefix() + "-000123")));
    }

    private Outcome rated(Conversation c, PendingQuestion q, int rating, Instant now) {
        questions.answer(q, rating, now);
        return Outcome.of(c, replies.say(c.language(), "feedback.agent.thanks", Map.of("rating", String.valueOf(rating))));
    }

    /** The message for a conversation an agent handed back, with the rating question, which is recorded. */
    String handedBack(Conversation c, String agent, Instant now) {
        questions.askAgentRating(c.resident(), agent, now);
        return replies.text(c.language(), "agent.handed.back") + " " + replies.text(c.language(), "feedback.agent.question");
    }
}
