package id.kanal.app.console;

import id.kanal.services.console.Dashboard;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/** {@code GET /dashboard}: the figures for the wall screen, of the account's region (all for a provincial account). */
final class DashboardRoutes implements HttpService {
    private final ConsoleGuard guard;
    private final java.util.function.Function<java.util.Optional<String>, Dashboard> dashboardOfRegion;

    /** @param dashboardOfRegion the figures of a region by its code; of the whole deployment for none */
    DashboardRoutes(ConsoleGuard guard, java.util.function.Function<java.util.Optional<String>, Dashboard> dashboardOfRegion) {
        this.guard = guard;
        this.dashboardOfRegion = dashboardOfRegion;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/dashboard", (req, res) -> {
            Session s = guard.require(req, Role.AGENT);
            ConsoleHttp.ok(res, dashboardOfRegion.apply(s.desk().region()).figures());
        });
    }
}
