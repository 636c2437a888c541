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
 * none: a bad row answers 400 with its row number ({@link PriceUpload}).
 */
public final class AdminPricesService implements HttpService {
    private final Kanal kanal;
    private final Handler auth;

    private AdminPricesService(Kanal kanal, Handler auth) {
        this.kanal = kanal;
        this.auth = auth;
    }

    public static AdminPricesService create(Kanal kanal) {
        return new AdminPricesService(kanal,
                BearerTokenAuth.unscopedOnly(kanal.settings().complaints().adminToken(),
                        kanal.settings().complaints().apiTokens(), "KANAL_ADMIN_TOKEN"));
    }

    @Override
    public void routing(HttpRules rules) {
        rules.any("/prices", auth).post("/prices", this::importPrices);
    }

    private void importPrices(ServerRequest req, ServerResponse res) {
        PriceUpload.Answer answer = PriceUpload.run(kanal.priceImporter(), req.content().inputStream(), "http",
                RequestId.of(req));
        Json.send(res, Status.create(answer.status()), answer.body());
    }
}
