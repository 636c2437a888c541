package id.kanal.app.console;

import id.kanal.services.feedback.SqlSatisfaction;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/** {@code GET /satisfaction}: "was it fixed?" per agency and agent ratings per agent, over 30 days. */
final class SatisfactionRoutes implements HttpService {
    private final ConsoleGuard guard;
    private final SqlSatisfaction satisfaction;

    SatisfactionRoutes(ConsoleGuard guard, SqlSatisfaction satisfaction) {
        this.guard = guard;
        this.satisfaction = satisfaction;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/satisfaction", (req, res) -> {
            guard.require(req, Role.AGENT);
            ConsoleHttp.ok(res, satisfaction.figures());
        });
    }
}
