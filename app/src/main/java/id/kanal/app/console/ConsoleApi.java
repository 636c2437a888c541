package id.kanal.app.console;

import id.kanal.app.Kanal;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerResponse;

/**
 * The console's JSON API, mounted at {@code /api/console}: every answer carries the security
 * headers, every error is JSON. Each group of routes is one small class.
 */
public final class ConsoleApi implements HttpService {
    /** Where the server mounts this service. */
    public static final String ROOT = "/api/console";
    /** The live queue's server-sent event stream ({@link QueueRoutes}), open for as long as a console is. */
    public static final String EVENTS_PATH = ROOT + QueueRoutes.EVENTS;

    private final Console console;

    private ConsoleApi(Console console) {
        this.console = console;
    }

    public static ConsoleApi create(Kanal kanal) {
        return new ConsoleApi(Console.create(kanal));
    }

    @Override
    public void routing(HttpRules rules) {
        rules.any((req, res) -> {
            ConsoleHttp.securityHeaders(res);
            res.next();
        });
        rules.register(console.routes().toArray(HttpService[]::new));
    }

    /** The headers of every console answer, errors included. */
    public static void securityHeaders(ServerResponse res) {
        ConsoleHttp.securityHeaders(res);
    }

    @Override
    public void afterStop() {
        console.close();
    }
}
