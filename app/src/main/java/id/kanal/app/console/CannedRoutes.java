package id.kanal.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import id.kanal.store.console.CannedReplies;
import id.kanal.store.console.CannedReply;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * Canned replies: every agent reads them, supervisors keep them; each has an Indonesian text, an
 * optional English one and an optional shortcut. A conversation gets them filled in ({@link CannedText}).
 */
final class CannedRoutes implements HttpService {
    private final ConsoleGuard guard;
    private final CannedReplies canned;
    private final Clock clock;

    CannedRoutes(ConsoleGuard guard, CannedReplies canned, Clock clock) {
        this.guard = guard;
        this.canned = canned;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/canned", this::list)
                .post("/canned", this::create)
                .delete("/canned/{id}", this::delete);
    }

    private void list(ServerRequest req, ServerResponse res) {
        guard.require(req, Role.AGENT);
        ConsoleHttp.ok(res, canned.list());
    }

    private void create(ServerRequest req, ServerResponse res) {
        Session s = guard.require(req, Role.SUPERVISOR);
        JsonNode body = ConsoleHttp.body(req);
        String shortcut = ConsoleHttp.optText(body, "shortcut").map(CannedRoutes::shortcut).orElse(null);
        if (shortcut != null && canned.list().stream().anyMatch(c -> shortcut.equals(c.shortcut()))) {
            throw ConsoleException.conflict("the shortcut /" + shortcut + " is taken");
        }
        CannedReply reply = new CannedReply(UUID.randomUUID().toString(), ConsoleHttp.text(body, "title"),
                ConsoleHttp.text(body, "body"), ConsoleHttp.optText(body, "template").orElse(null), shortcut,
                ConsoleHttp.optText(body, "bodyEn").orElse(null));
        canned.add(reply, s.username(), clock.instant());
        ConsoleHttp.json(res, 201, reply);
    }

    /** What an agent types after "/": 1-16 letters, digits or dashes, lower-cased. */
    private static String shortcut(String s) {
        String v = s.strip().replaceFirst("^/", "").toLowerCase(java.util.Locale.ROOT);
        if (!v.matches("[a-z0-9-]{1,16}")) {
            throw ConsoleException.badRequest("a shortcut is 1-16 letters, digits or dashes: " + s);
        }
        return v;
    }

    private void delete(ServerRequest req, ServerResponse res) {
        guard.require(req, Role.SUPERVISOR);
        String id = req.path().pathParameters().get("id");
        canned.delete(id);
        ConsoleHttp.ok(res, Map.of("deleted", id));
    }
}
