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
            return Outcome.of(c.with(new State.AskingTicket()), replies.say(lang, "status.ask", Map.of("example", example())));
        }
        StringBuilder list = new StringBuilder();
        for (ComplaintView v : latest) {
            if (!list.isEmpty()) {
                list.append('\n');
            }
            list.append(v.ticket()).append(' ').append(v.category().name(lang)).append(": ")
                    .append(replies.text(lang, "status." + v.status().name()));
        }
        return Outcome.of(c.with(new State.AskingTicket()), replies.say(lang, "status.ask.latest",
                Map.of("list", list.toString())));
    }

    /** Answers for the ticket code in the message; without one, asks again. */
    Outcome answer(Conversation c, InboundMessage m) {
        Optional<String> ticket = Words.ticket(m.text());
        if (ticket.isEmpty()) {
            return Outcome.misunderstood(c.with(new State.AskingTicket()),
                    replies.say(c.language(), "status.ask", Map.of("example", example())));
        }
        return Outcome.of(c.with(State.MENU), describe(c.language(), ticket.get()));
    }

    private Reply describe(Language lang, String ticket) {
        Optional<ComplaintView> found = complaints.find(ticket);
        if (found.isEmpty()) {
            return replies.say(lang, "status.not.found", Map.of("ticket", ticket, "example", example()));
        }
        ComplaintView v = found.get();
        return replies.say(lang, "status.found", Map.of(
                "ticket", v.ticket(),
                "category", v.category().name(lang),
                "location", Gsm7.clip(Replies.echo(v.location()), 40),
                "status", replies.text(lang, "status." + v.status().name()),
                "date", Dates.dateTime(v.updatedAt(), replies.settings().zone(), lang),
                "agency", v.category().agencyName()));
    }

    private String example() {
        return replies.settings().ticketPrefix() + "-000123";
    }
}
