package id.kanal.dialog;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * Talking to a person: the conversation is queued for the call centre, then owned by an agent.
 * While queued or owned, the bot stays silent and the resident's messages go to the agent's
 * queue (the transcript); outside opening hours the resident is told when agents return.
 */
final class HandoffFlow {
    /** Why a conversation waits for an agent, as the console shows it. */
    static final String ASKED = "asked";
    static final String MISUNDERSTOOD = "misunderstood";

    private final Replies replies;
    private final Clock clock;

    HandoffFlow(Replies replies, Clock clock) {
        this.replies = replies;
        this.clock = clock;
    }

    Outcome queue(Conversation c, String reason) {
        State.Queued queued = new State.Queued(reason, clock.instant());
        DialogSettings s = replies.settings();
        ZonedDateTime now = clock.instant().atZone(s.zone());
        if (s.agentHours().isOpen(now)) {
            return Outcome.of(c.with(queued), replies.say(c.language(), "agent.queued"));
        }
        ZonedDateTime opens = s.agentHours().nextOpening(now);
        return Outcome.of(c.with(queued), replies.say(c.language(), "agent.closed", Map.of(
                "hours", hours(c.language()), "when", when(opens, c.language()))));
    }

    Outcome offer(Conversation c) {
        return Outcome.of(c.with(new State.OfferingAgent()), withYesNo(c.language(), "agent.offer"));
    }

    Outcome answerOffer(Conversation c, InboundMessage m) {
        if (Words.isYes(m.text())) {
            return queue(c, MISUNDERSTOOD);
        }
        return Outcome.of(c.with(State.MENU), replies.menu(c.language(), false));
    }

    /** Silence while a person answers: the message is kept in the transcript for the agent. */
    Outcome waitForAgent(Conversation c) {
        return Outcome.of(c, Reply.silent());
    }

    Reply withYesNo(Language lang, String key) {
        return new Reply(replies.text(lang, key), java.util.List.of(
                new Reply.Option("1", replies.text(lang, "yes")), new Reply.Option("2", replies.text(lang, "no"))), false);
    }

    private String hours(Language lang) {
        OpeningHours h = replies.settings().agentHours();
        Dates dates = replies.dates();
        var days = h.days().stream().sorted().toList();
        String dayText = days.isEmpty() ? "-" : dates.day(days.getFirst(), lang)
                + (days.size() > 1 ? "-" + dates.day(days.getLast(), lang) : "");
        return Gsm7.sanitize(dayText + " " + h.opens() + "-" + h.closes());
    }

    private String when(ZonedDateTime t, Language lang) {
        Dates dates = replies.dates();
        return Gsm7.sanitize(dates.day(t.getDayOfWeek(), lang) + " " + dates.dateTime(t.toInstant(), t.getZone(), lang));
    }
}
