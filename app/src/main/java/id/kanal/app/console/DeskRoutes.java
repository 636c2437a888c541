package id.kanal.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import id.kanal.services.complaints.Reassignment;
import id.kanal.services.complaints.Reassignments;
import id.kanal.services.console.ConsoleComplaints;
import id.kanal.store.console.AgentRecords;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Map;

/**
 * {@code POST /complaints/{ticket}/agency} with {@code {"agency","reason"}}: a supervisor moves a
 * complaint to another agency (a reason is required); {@code GET /complaints/{ticket}/reassignments}:
 * its moves. Who may is {@link DeskPolicy}'s.
 */
final class DeskRoutes implements HttpService {
    private static final System.Logger LOG = System.getLogger(DeskRoutes.class.getName());

    private final ConsoleGuard guard;
    private final DeskPolicy desks;
    private final ConsoleComplaints complaints;
    private final Reassignments reassignments;
    private final ConsoleEvents events;

    DeskRoutes(ConsoleGuard guard, DeskPolicy desks, ConsoleComplaints complaints, Reassignments reassignments,
               ConsoleEvents events) {
        this.guard = guard;
        this.desks = desks;
        this.complaints = complaints;
        this.reassignments = reassignments;
        this.events = events;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/complaints/{ticket}/agency", this::reassign)
                .get("/complaints/{ticket}/reassignments", this::history);
    }

    private void reassign(ServerRequest req, ServerResponse res) {
        Session s = guard.require(req, Role.AGENT);
        ConsoleComplaints.Row complaint = complaint(req);
        desks.checkReassign(s, complaint);
        JsonNode body = ConsoleHttp.body(req);
        String agency = ConsoleHttp.text(body, "agency");
        String reason = ConsoleHttp.optText(body, "reason")
                .orElseThrow(() -> ConsoleException.badRequest("moving a complaint to another agency needs a reason"));
        Reassignment moved;
        try {
            moved = reassignments.reassign(complaint.ticket(), agency, reason, AgentRecords.author(s.username()));
        } catch (IllegalArgumentException e) {
            // Reassignments' contract: an unknown or unchanged agency, or a reason too long, is the supervisor's input error.
            throw ConsoleException.badRequest(e.getMessage());
        }
        LOG.log(System.Logger.Level.INFO, "complaint moved ticket={0} from={1} to={2} by={3}", moved.ticket(),
                moved.fromAgency(), moved.toAgency(), s.username());
        events.publishAll();
        ConsoleHttp.ok(res, Map.of("reassignment", moved, "complaint", complaints.detail(moved.ticket()).orElseThrow()));
    }

    private void history(ServerRequest req, ServerResponse res) {
        Session s = guard.require(req, Role.AGENT);
        ConsoleComplaints.Row complaint = complaint(req);
        desks.check(s, complaint);
        ConsoleHttp.ok(res, reassignments.of(complaint.ticket()));
    }

    private ConsoleComplaints.Row complaint(ServerRequest req) {
        String ticket = req.path().pathParameters().get("ticket");
        return complaints.detail(ticket).map(ConsoleComplaints.Detail::complaint)
                .orElseThrow(() -> ConsoleException.notFound("no such complaint: " + ticket));
    }
}
