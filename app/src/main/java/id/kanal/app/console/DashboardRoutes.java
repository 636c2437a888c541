package id.kanal.app.console;

import id.kanal.services.console.Dashboard;
import id.kanal.services.console.AgencyTrends;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/**
 * {@code GET /dashboard}: the wall screen's figures of the account's region (all for a provincial
 * account); {@code GET /dashboard/trends}: weeks per agency and the overdue list, of the account's
 * region and, for an agency account, of its agency only (the same desk as its complaint lists).
 */
final class DashboardRoutes implements HttpService {
    static final int TREND_WEEKS = 8;
    static final int OVERDUE_SHOWN = 25;
    private final ConsoleGuard guard;
    private final java.util.function.Function<java.util.Optional<String>, Dashboard> dashboardOfRegion;
    private final java.util.function.Function<Desk, AgencyTrends> trends;

    /**
     * @param dashboardOfRegion the figures of a region by its code; of the whole deployment for none
     * @param trends            the trends a desk may see: its region's, and only its agency's for an agency desk
     */
    DashboardRoutes(ConsoleGuard guard, java.util.function.Function<java.util.Optional<String>, Dashboard> dashboardOfRegion,
                    java.util.function.Function<Desk, AgencyTrends> trends) {
        this.guard = guard;
        this.dashboardOfRegion = dashboardOfRegion;
        this.trends = trends;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/dashboard", (req, res) -> {
            Session s = guard.require(req, Role.AGENT);
            ConsoleHttp.ok(res, dashboardOfRegion.apply(s.desk().region()).figures());
        });
        // Supervisors' desk view: eight weeks per agency and the overdue complaints to work from.
        rules.get("/dashboard/trends", (req, res) -> {
            Session s = guard.require(req, Role.AGENT);
            ConsoleHttp.ok(res, trends.apply(s.desk()));
        });
    }
}
