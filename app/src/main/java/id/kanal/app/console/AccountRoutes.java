package id.kanal.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.List;
import java.util.Map;

import static id.kanal.app.console.ConsoleException.refusedAsBadRequest;

/** Accounts (admin only), and the list of agents anyone may transfer a conversation to. */
final class AccountRoutes implements HttpService {
    private final ConsoleGuard guard;
    private final Accounts accounts;

    AccountRoutes(ConsoleGuard guard, Accounts accounts) {
        this.guard = guard;
        this.accounts = accounts;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/accounts", this::list)
                .post("/accounts", this::create)
                .post("/accounts/{username}", this::update)
                .delete("/accounts/{username}", this::delete)
                .get("/agents", this::agents);
    }

    private void list(ServerRequest req, ServerResponse res) {
        guard.require(req, Role.ADMIN);
        ConsoleHttp.ok(res, accounts.list().stream().map(AccountRoutes::view).toList());
    }

    private void create(ServerRequest req, ServerResponse res) {
        guard.require(req, Role.ADMIN);
        JsonNode body = ConsoleHttp.body(req);
        Account a = refusedAsBadRequest(() -> accounts.create(ConsoleHttp.text(body, "username"),
                Role.of(ConsoleHttp.text(body, "role")), ConsoleHttp.text(body, "password"),
                ConsoleHttp.optText(body, "region"), ConsoleHttp.optText(body, "agency")));
        ConsoleHttp.json(res, 201, view(a));
    }

    private void update(ServerRequest req, ServerResponse res) {
        Session s = guard.require(req, Role.ADMIN);
        String username = req.path().pathParameters().get("username");
        JsonNode body = ConsoleHttp.body(req);
        ConsoleHttp.optText(body, "role").map(r -> refusedAsBadRequest(() -> Role.of(r))).ifPresent(r -> {
            if (username.equals(s.username()) && r != Role.ADMIN) {
                throw ConsoleException.badRequest("you cannot take the admin role from yourself");
            }
            accounts.setRole(username, r);
        });
        if (body.has("region") || body.has("agency")) {
            refusedAsBadRequest(() -> accounts.setDesk(username, ConsoleHttp.optText(body, "region"),
                    ConsoleHttp.optText(body, "agency")));
        }
        ConsoleHttp.optText(body, "password").ifPresent(p -> refusedAsBadRequest(() -> accounts.setPassword(username, p)));
        ConsoleHttp.ok(res, Map.of("updated", username));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        Session s = guard.require(req, Role.ADMIN);
        String username = req.path().pathParameters().get("username");
        if (username.equals(s.username())) {
            throw ConsoleException.badRequest("you cannot delete your own account");
        }
        accounts.delete(username);
        ConsoleHttp.ok(res, Map.of("deleted", username));
    }

    private void agents(ServerRequest req, ServerResponse res) {
        guard.require(req, Role.AGENT);
        List<String> names = accounts.list().stream().map(Account::username).toList();
        ConsoleHttp.ok(res, names);
    }

    private static Map<String, Object> view(Account a) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("username", a.username());
        m.put("role", a.role().id());
        m.put("createdAt", a.createdAt().toEpochMilli());
        m.put("region", a.desk().regionId());
        m.put("agency", a.desk().agency().orElse(null));
        return m;
    }
}
