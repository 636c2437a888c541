package id.kanal.app.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.kanal.app.KanalServer;
import id.kanal.app.admin.PriceRegions;
import id.kanal.app.admin.PriceUpload;
import id.kanal.app.web.RequestId;
import id.kanal.services.prices.SqlPriceBoard;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The Prices page's API, admins only. {@code GET /prices}: how fresh a region's price board is (the
 * newest survey day of each commodity). {@code POST /prices}: a price CSV as the body, imported
 * whole or not at all through the same {@link PriceUpload} as {@code POST /api/admin/prices}.
 *
 * <p>Each region has its own board: an account of one region works on its region's; an account of
 * every region chooses with {@code ?region=R} (default: the deployment's default region). An
 * agency's account imports no prices: they are the whole region's.
 */
final class PriceRoutes implements HttpService {
    private final ConsoleGuard guard;
    private final PriceRegions regions;

    PriceRoutes(ConsoleGuard guard, PriceRegions regions) {
        this.guard = guard;
        this.regions = regions;
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
        String region = region(s, req);
        PriceUpload.Answer answer = PriceUpload.run(regions.importer(region), req.content().inputStream(),
                "console:" + s.username(), RequestId.of(req));
        answer.body().put("region", region);
        ConsoleHttp.json(res, answer.status(), answer.body());
    }

    /** The region whose board the account works on, or a 403 that says why not (404: no such region). */
    private String region(Session s, ServerRequest req) {
        Optional<String> asked = Optional.of(ConsoleHttp.query(req, "region").strip()).filter(r -> !r.isEmpty());
        if (s.desk().agency().isPresent()) {
            throw ConsoleException.forbidden("prices are the whole region's: your account works on the complaints of "
                    + "agency " + s.desk().agency().get() + " only and imports no prices");
        }
        Optional<String> own = s.desk().region();
        if (own.isPresent() && asked.isPresent() && !asked.equals(own)) {
            throw ConsoleException.forbidden("the prices of region " + asked.get() + " are that region's; your account "
                    + "works in region " + own.get());
        }
        return regions.resolve(own.or(() -> asked));
    }

    private void freshness(ServerRequest req, ServerResponse res) {
        Session s = guard.require(req, Role.ADMIN);
        String region = region(s, req);
        SqlPriceBoard board = regions.board(region);
        SortedMap<String, LocalDate> newest = board.newestDays();
        ObjectNode body = ConsoleHttp.JSON.createObjectNode();
        body.put("region", region);
        // An account of every region chooses among them; an account of one region sees its own only.
        ArrayNode choices = body.putArray("regions");
        (s.desk().region().isPresent() ? java.util.List.of(region) : regions.codes()).forEach(choices::add);
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
            board.latest(commodity, Optional.empty()).ifPresent(q -> row.put("rupiah", q.rupiah()).put("unit", q.unit()));
        });
        ConsoleHttp.ok(res, body);
    }
}
