package id.kanal.app.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.kanal.app.KanalServer;
import id.kanal.app.admin.PriceUpload;
import id.kanal.app.web.RequestId;
import id.kanal.services.prices.PriceImporter;
import id.kanal.services.prices.SqlPriceBoard;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.LocalDate;
import java.util.Locale;
import java.util.SortedMap;
import java.util.function.Supplier;

/**
 * The Prices page's API, admins only. {@code GET /prices}: how fresh the price board is (the
 * newest survey day of each commodity). {@code POST /prices}: a price CSV as the body, imported
 * whole or not at all through the same {@link PriceUpload} as {@code POST /api/admin/prices}.
 */
final class PriceRoutes implements HttpService {
    private final ConsoleGuard guard;
    private final Supplier<PriceImporter> importer;
    private final SqlPriceBoard board;

    PriceRoutes(ConsoleGuard guard, Supplier<PriceImporter> importer, SqlPriceBoard board) {
        this.guard = guard;
        this.importer = importer;
        this.board = board;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/prices", this::freshness)
                .post("/prices", this::upload);
    }

    private void upload(ServerRequest req, ServerResponse res) {
        Session s = guard.require(req, Role.ADMIN);
        // Only the page's own fetch sends text/csv: an HTML form cannot (a third lock beside
        // SameSite and the CSRF token), and a multipart form body is never misread as a CSV.
        String type = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("").toLowerCase(Locale.ROOT);
        if (!type.startsWith("text/csv")) {
            throw new ConsoleException(415, "send the file as CSV (Content-Type: text/csv); nothing was imported");
        }
        PriceUpload.Answer answer = PriceUpload.run(importer.get(), req.content().inputStream(),
                "console:" + s.username(), RequestId.of(req));
        ConsoleHttp.json(res, answer.status(), answer.body());
    }

    private void freshness(ServerRequest req, ServerResponse res) {
        guard.require(req, Role.ADMIN);
        SortedMap<String, LocalDate> newest = board.newestDays();
        ObjectNode body = ConsoleHttp.JSON.createObjectNode();
        body.put("staleAfterDays", board.staleAfterDays());
        // The page checks a file's size before sending it: a browser whose upload the server cuts
        // short at the limit may report a network error rather than the 413.
        body.put("maxBytes", KanalServer.MAX_PAYLOAD_BYTES);
        body.put("newest", newest.values().stream().max(LocalDate::compareTo).map(LocalDate::toString).orElse(null));
        ArrayNode list = body.putArray("commodities");
        newest.forEach((commodity, day) -> {
            long age = board.ageDays(day);
            ObjectNode row = list.addObject().put("commodity", commodity).put("newest", day.toString()).put("ageDays", age)
                    .put("stale", age > board.staleAfterDays());
            // The region-wide price (or the cheapest market's), for the page to show in Rupiah.
            board.latest(commodity, java.util.Optional.empty()).ifPresent(q -> row.put("rupiah", q.rupiah()).put("unit", q.unit()));
        });
        ConsoleHttp.ok(res, body);
    }
}
