package id.kanal.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import id.kanal.dialog.port.ComplaintStatus;
import id.kanal.services.console.ConsoleComplaints;
import id.kanal.store.console.AgentRecords;
import id.kanal.store.console.SearchText;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /complaints?status=&category=&agency=&overdue=true&q=}, {@code GET /complaints/{ticket}},
 * {@code POST /complaints/{ticket}/status} with {@code {"status","note"}}: all through {@link ConsoleComplaints}.
 */
final class ComplaintRoutes implements HttpService {
    private static final System.Logger LOG = System.getLogger(ComplaintRoutes.class.getName());

    private final ConsoleGuard guard;
    private final ConsoleComplaints complaints;
    private final ConsoleEvents events;
    private final DeskPolicy desks;

    ComplaintRoutes(ConsoleGuard guard, ConsoleComplaints complaints, ConsoleEvents events, DeskPolicy desks) {
        this.guard = guard;
        this.complaints = complaints;
        this.events = events;
        this.desks = desks;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/complaints", this::list)
                .get("/complaints/{ticket}", this::detail)
                .post("/complaints/{ticket}/status", this::status)
                .get("/complaint-filters", this::filters);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Session s = guard.require(req, Role.AGENT);
        ConsoleHttp.ok(res, desks.visible(s, complaints.list(desks.scope(s, filter(req, 200)))));
    }

    /** The list's filters from the query ({@code q}: {@link SearchText}), shared with the CSV export. */
    static ConsoleComplaints.Filter filter(ServerRequest req, int limit) {
        return new ConsoleComplaints.Filter(
                nonEmpty(ConsoleHttp.query(req, "status")).map(ComplaintRoutes::status),
                nonEmpty(ConsoleHttp.query(req, "category")), nonEmpty(ConsoleHttp.query(req, "agency")),
                "true".equals(ConsoleHttp.query(req, "overdue")), limit,
                nonEmpty(ConsoleHttp.query(req, "q")).map(ComplaintRoutes::search));
    }

    /** The search text, or 400 (too long). */
    static SearchText search(String q) {
        try {
            return new SearchText(q);
        } catch (IllegalArgumentException e) {
            throw ConsoleException.badRequest(e.getMessage());
        }
    }

    private void detail(ServerRequest req, ServerResponse res) {
        Session s = guard.require(req, Role.AGENT);
        String ticket = req.path().pathParameters().get("ticket");
        ConsoleComplaints.Detail d = complaints.detail(ticket)
                .orElseThrow(() -> ConsoleException.notFound("no such complaint: " + ticket));
        desks.check(s, d.complaint());
        ConsoleHttp.ok(res, d);
    }

    private void status(ServerRequest req, ServerResponse res) {
        Session s = guard.require(req, Role.AGENT);
        String ticket = req.path().pathParameters().get("ticket");
        // The desk changes the ticket as written in any case: check it the same way.
        complaints.detail(ticket.strip().toUpperCase(Locale.ROOT)).ifPresent(found -> desks.check(s, found.complaint()));
        JsonNode body = ConsoleHttp.body(req);
        ComplaintStatus status = status(ConsoleHttp.text(body, "status"));
        String note = ConsoleHttp.optText(body, "note").orElse("");
        if (note.length() > 500) {
            throw ConsoleException.badRequest("the note is longer than 500 characters");
        }
        ConsoleComplaints.Detail d;
        try {
            d = complaints.changeStatus(ticket, status, note, AgentRecords.author(s.username()));
        } catch (id.kanal.services.complaints.TransitionRefusedException e) {
            throw ConsoleException.conflict(e.getMessage());
        } catch (IllegalArgumentException e) {
            // ConsoleComplaints' contract for a ticket that does not exist: the agent's mistake, as before.
            throw ConsoleException.badRequest(e.getMessage());
        }
        LOG.log(System.Logger.Level.INFO, "complaint status ticket={0} status={1} by={2}", ticket, status, s.username());
        events.publishAll();
        ConsoleHttp.ok(res, d);
    }

    private void filters(ServerRequest req, ServerResponse res) {
        guard.require(req, Role.AGENT);
        ConsoleHttp.ok(res, Map.of("statuses", java.util.Arrays.stream(ComplaintStatus.values()).map(Enum::name).toList(),
                "categories", complaints.categories(), "agencies", complaints.agencies()));
    }

    private static ComplaintStatus status(String s) {
        try {
            return ComplaintStatus.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ConsoleException.badRequest("unknown status: " + s);
        }
    }

    private static Optional<String> nonEmpty(String s) {
        return s.isBlank() ? Optional.empty() : Optional.of(s);
    }
}
