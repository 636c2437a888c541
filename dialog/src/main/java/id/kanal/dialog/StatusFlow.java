package id.kanal.dialog;

import id.kanal.dialog.port.ComplaintService;
import id.kanal.dialog.port.ComplaintView;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Complaint status: by ticket code, or the resident's own latest complaints. */
final class StatusFlow {
    private static final int LATEST = 3;

    private final Replies replies;
    private final ComplaintService complaints;

    StatusFlow(Replies replies, ComplaintService complaints) {
        this.replies = replies;
        this.complaints = complaints;
    }

    /** Asks for a ticket code, listing the resident's latest complaints when there are any. */
    Outcome start(Conversation c) {
        Language lang = c.language();
        List<ComplaintView> latest = complaints.latestBy(c.resident(), LATEST);
        if (latest.isEmpty()) {
            return Outcome.of(c.with(new State.AskingTicket(List.of())), replies.say(lang, "status.ask",
                    Map.of("example", example())));
        }
        List<String> labels = latest.stream().map(v -> v.ticket() + " " + v.category().name(lang) + ": "
                + replies.text(lang, "status." + v.status().name())).toList();
        Reply reply = Replies.numbered("status.ask.latest", labels,
                list -> replies.say(lang, "status.ask.latest", Map.of("list", list)).text());
        return Outcome.of(c.with(new State.AskingTicket(latest.stream().map(ComplaintView::ticket).toList())), reply);
    }

    /** Answers for the ticket code in the message; without one, asks again. */
    Outcome answer(Conversation c, InboundMessage m) {
        List<String> listed = c.state() instanceof State.AskingTicket s ? s.listed() : List.of();
        Optional<String> ticket = Words.ticket(m.text()).or(() -> Words.number(m.text())
                .filter(n -> n >= 1 && n <= listed.size()).map(n -> listed.get(n - 1)));
        if (ticket.isEmpty()) {
            return Outcome.misunderstood(c.with(new State.AskingTicket(listed)),
                    replies.say(c.language(), "status.ask", Map.of("example", example())));
        }
        return Outcome.of(c.with(State.MENU), describe(c, ticket.get()));
    }

    private Reply describe(Conversation c, String ticket) {
        Language lang = c.language();
        Optional<ComplaintService.Asked> found = complaints.findFor(ticket, c.resident());
        if (found.isEmpty()) {
            return replies.say(lang, "status.not.found", Map.of("ticket", ticket, "example", example()));
        }
        ComplaintView v = found.get().view();
        if (!found.get().theirs()) {
            // Someone else's ticket: its progress is public, where it is and what was said are not.
            return replies.say(lang, "status.found.public", Map.of(
                    "ticket", v.ticket(),
                    "category", v.category().name(lang),
                    "status", replies.text(lang, "status." + v.status().name()),
                    "date", replies.dates().dateTime(v.updatedAt(), replies.settings().zone(), lang)));
        }
        return replies.say(lang, "status.found", Map.of(
                "ticket", v.ticket(),
                "category", v.category().name(lang),
                "location", Gsm7.clip(Replies.echo(v.location()), 40),
                "status", replies.text(lang, "status." + v.status().name()),
                "date", replies.dates().dateTime(v.updatedAt(), replies.settings().zone(), lang),
                "agency", v.category().agencyName()));
    }

    private String example() {
        return replies.settings().ticketPrefix() + "-000123";
    }
}
