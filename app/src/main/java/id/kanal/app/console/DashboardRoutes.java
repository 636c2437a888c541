package id.kanal.app.console;

import id.kanal.services.console.Dashboard;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/** {@code GET /dashboard}: the figures for the wall screen. */
final class DashboardRoutes implements HttpService {
    private final ConsoleGuard guard;
    private final Dashboard dashboard;

    DashboardRoutes(ConsoleGuard guard, Dashboard dashboard) {
        this.guard = guard;
        this.dashboard = dashboard;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/dashboard", (req, res) -> {
            guard.require(req, Role.AGENT);
            ConsoleHttp.ok(res, dashboard.figures());
        });
    }
}
