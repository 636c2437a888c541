package id.kanal.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Canned replies: every agent reads them, supervisors keep them. */
final class CannedRoutes implements HttpService {
    private final Console console;

    CannedRoutes(Console console) {
        this.console = console;
    }

    /** A canned reply; template is a WhatsApp template reference or null. */
    record Canned(String id, String title, String body, String template) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/canned", ConsoleHttp.guard(this::list))
                .post("/canned", ConsoleHttp.guard(this::create))
                .delete("/canned/{id}", ConsoleHttp.guard(this::delete));
    }

    private void list(ServerRequest req, ServerResponse res) {
        console.guard().require(req, Role.AGENT);
        ConsoleHttp.ok(res, console.kanal().database().read(c -> {
            List<Canned> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, title, body, template FROM canned_reply ORDER BY title");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Canned(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return out;
        }));
    }

    private void create(ServerRequest req, ServerResponse res) {
        Session s = console.guard().require(req, Role.SUPERVISOR);
        JsonNode body = ConsoleHttp.body(req);
        Canned canned = new Canned(UUID.randomUUID().toString(), ConsoleHttp.text(body, "title"),
                ConsoleHttp.text(body, "body"), ConsoleHttp.optText(body, "template").orElse(null));
        console.kanal().database().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO canned_reply (id, title, body, template, "
                    + "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, canned.id());
                ps.setString(2, canned.title());
                ps.setString(3, canned.body());
                ps.setString(4, canned.template());
                ps.setString(5, s.username());
                ps.setLong(6, console.kanal().clock().millis());
                return ps.executeUpdate();
            }
        });
        ConsoleHttp.json(res, 201, canned);
    }

    private void delete(ServerRequest req, ServerResponse res) {
        console.guard().require(req, Role.SUPERVISOR);
        String id = req.path().pathParameters().get("id");
        console.kanal().database().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM canned_reply WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate();
            }
        });
        ConsoleHttp.ok(res, Map.of("deleted", id));
    }
}
