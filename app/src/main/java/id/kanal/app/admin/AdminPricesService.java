package id.kanal.app.admin;

import id.kanal.app.Kanal;
import id.kanal.app.web.BearerTokenAuth;
import id.kanal.app.web.Json;
import id.kanal.app.web.RequestId;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code POST /api/admin/prices}: a price CSV (Badan Pangan Nasional or the simple format) over
 * HTTP with the bearer token {@code KANAL_ADMIN_TOKEN}, for scripts and cron jobs, which cannot log
 * in to the console (people use the console's Prices page, which answers the same). All rows or
 * none: a bad row answers 400 with its row number ({@link PriceUpload}). {@code ?region=R} imports into
 * region R's board (default: the default region's); a region-scoped token ({@code KANAL_API_TOKENS}) is refused.
 */
public final class AdminPricesService implements HttpService {
    private final PriceRegions regions;
    private final Handler auth;

    private AdminPricesService(PriceRegions regions, Handler auth) {
        this.regions = regions;
        this.auth = auth;
    }

    public static AdminPricesService create(Kanal kanal) {
        return new AdminPricesService(new PriceRegions(kanal),
                BearerTokenAuth.unscopedOnly(kanal.settings().complaints().adminToken(),
                        kanal.settings().complaints().apiTokens(), "KANAL_ADMIN_TOKEN"));
    }

    @Override
    public void routing(HttpRules rules) {
        rules.any("/prices", auth).post("/prices", this::importPrices);
    }

    private void importPrices(ServerRequest req, ServerResponse res) {
        // ?region=R imports into that region's board (none: the default region's); an unknown one is a 404.
        String region = regions.resolve(req.query().first("region").asOptional());
        PriceUpload.Answer answer = PriceUpload.run(regions.importer(region), req.content().inputStream(), "http",
                RequestId.of(req));
        answer.body().put("region", region);
        Json.send(res, Status.create(answer.status()), answer.body());
    }
}
