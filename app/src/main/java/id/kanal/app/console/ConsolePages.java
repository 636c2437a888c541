package id.kanal.app.console;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.staticcontent.StaticContentService;

/**
 * The console's pages, mounted at {@code /console}: plain HTML, CSS and JavaScript from the
 * classpath ({@code console/}), nothing from a CDN, with the same security headers as the API.
 */
public final class ConsolePages implements HttpService {
    private final StaticContentService files = StaticContentService.builder("console")
            .welcomeFileName("index.html")
            .build();

    public static ConsolePages create() {
        return new ConsolePages();
    }

    @Override
    public void routing(HttpRules rules) {
        rules.any((req, res) -> {
            ConsoleHttp.securityHeaders(res);
            // Pages change with each release and carry no secrets; revalidate rather than serve stale code.
            res.header("Cache-Control", "no-cache");
            res.next();
        });
        rules.register(files);
    }
}
