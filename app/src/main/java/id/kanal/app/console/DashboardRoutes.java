package id.kanal.app.console;

import id.kanal.services.console.Dashboard;
import id.kanal.services.console.SqlAgencyTrends;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/** {@code GET /dashboard}: the figures for the wall screen; {@code GET /dashboard/trends}: weeks per agency, overdue. */
final class DashboardRoutes implements HttpService {
    static final int TREND_WEEKS = 8;
    static final int OVERDUE_SHOWN = 25;
    private final ConsoleGuard guard;
    private final Dashboard dashboard;
    private final SqlAgencyTrends trends;

    DashboardRoutes(ConsoleGuard guard, Dashboard dashboard, SqlAgencyTrends trends) {
        this.guard = guard;
        this.dashboard = dashboard;
        this.trends = trends;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/dashboard", (req, res) -> {
            guard.require(req, Role.AGENT);
            ConsoleHttp.ok(res, dashboard.figures());
        });
        // Supervisors' desk view: eight weeks per agency and the overdue complaints to work from.
        rules.get("/dashboard/trends", (req, res) -> {
            guard.require(req, Role.AGENT);
            ConsoleHttp.ok(res, trends.trends(TREND_WEEKS, OVERDUE_SHOWN));
        });
    }
}
