package id.kanal.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import id.kanal.services.complaints.ComplaintPhotos;
import id.kanal.services.console.SqlComplaintPages;
import id.kanal.store.console.AgentRecords;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The complaint page beside the complaint ({@link ComplaintRoutes}): {@code GET /complaints/{ticket}/page}
 * (photos, place, complaints nearby, history), {@code GET /complaints/{ticket}/photos/{position}} (a
 * photo Kanal keeps, to staff with a session only: 401 without one) and
 * {@code POST /complaints/{ticket}/notes} with {@code {"text"}} (a staff note).
 */
final class ComplaintPageRoutes implements HttpService {
    private static final System.Logger LOG = System.getLogger(ComplaintPageRoutes.class.getName());
    static final int MAX_NOTE = 1000;

    private final ConsoleGuard guard;
    private final SqlComplaintPages pages;
    private final ConsoleEvents events;

    ComplaintPageRoutes(ConsoleGuard guard, SqlComplaintPages pages, ConsoleEvents events) {
        this.guard = guard;
        this.pages = pages;
        this.events = events;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/complaints/{ticket}/page", this::page)
                .get("/complaints/{ticket}/photos/{position}", this::photo)
                .post("/complaints/{ticket}/notes", this::note);
    }

    private void page(ServerRequest req, ServerResponse res) {
        guard.require(req, Role.AGENT);
        String ticket = req.path().pathParameters().get("ticket");
        ConsoleHttp.ok(res, pages.page(ticket).orElseThrow(() -> ConsoleException.notFound("no such complaint: " + ticket)));
    }

    private void photo(ServerRequest req, ServerResponse res) {
        guard.require(req, Role.AGENT);
        String ticket = req.path().pathParameters().get("ticket");
        int position;
        try {
            position = Integer.parseInt(req.path().pathParameters().get("position"));
        } catch (NumberFormatException e) {
            throw ConsoleException.badRequest("a photo's position is a number");
        }
        ComplaintPhotos.Stored photo = pages.photo(ticket, position)
                .orElseThrow(() -> ConsoleException.notFound("no stored photo " + position + " of " + ticket));
        // The type is what the bytes are (checked when stored); nosniff and the console's CSP (sent on
        // every answer here) keep the browser from treating it as anything else. Not stored in any
        // cache: a call centre's computers are shared, and a logged-out browser must not show it again.
        res.header(HeaderNames.CONTENT_TYPE, photo.contentType());
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.header("Content-Disposition", "inline; filename=\"" + ticket + "-" + position + "\"");
        res.send(photo.bytes());
    }

    private void note(ServerRequest req, ServerResponse res) {
        Session s = guard.require(req, Role.AGENT);
        String ticket = req.path().pathParameters().get("ticket");
        JsonNode body = ConsoleHttp.body(req);
        String text = ConsoleHttp.text(body, "text").strip();
        if (text.length() > MAX_NOTE) {
            throw ConsoleException.badRequest("the note is longer than " + MAX_NOTE + " characters");
        }
        if (!pages.addNote(ticket, AgentRecords.author(s.username()), text)) {
            throw ConsoleException.notFound("no such complaint: " + ticket);
        }
        LOG.log(System.Logger.Level.INFO, "complaint note ticket={0} by={1}", ticket, s.username());
        events.publishAll();
        ConsoleHttp.ok(res, pages.page(ticket).orElseThrow());
    }
}
