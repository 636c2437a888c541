package id.kanal.app.console;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/** {@code GET /dashboard}: the figures for the wall screen. */
final class DashboardRoutes implements HttpService {
    private final Console console;
    private final DashboardQueries queries;

    DashboardRoutes(Console console) {
        this.console = console;
        this.queries = new DashboardQueries(console.kanal().database(), console.kanal().clock(),
                console.kanal().settings().zone());
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/dashboard", ConsoleHttp.guard((req, res) -> {
            console.guard().require(req, Role.AGENT);
            ConsoleHttp.ok(res, queries.figures());
        }));
    }
}
