package id.kanal.app.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.kanal.app.Kanal;
import id.kanal.app.web.BearerTokenAuth;
import id.kanal.app.web.Json;
import id.kanal.services.prices.ImportResult;
import id.kanal.services.prices.PriceImportException;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /api/admin/prices}: a price CSV (Badan Pangan Nasional or the simple format) over
 * HTTP, for an administrator only. All rows or none: a bad row answers 400 with its row number.
 */
public final class AdminPricesService implements HttpService {
    private static final System.Logger LOG = System.getLogger(AdminPricesService.class.getName());

    private final Kanal kanal;
    private final Handler auth;

    private AdminPricesService(Kanal kanal, Handler auth) {
        this.kanal = kanal;
        this.auth = auth;
    }

    public static AdminPricesService create(Kanal kanal) {
        return new AdminPricesService(kanal,
                new BearerTokenAuth(kanal.settings().complaints().adminToken(), "KANAL_ADMIN_TOKEN"));
    }

    @Override
    public void routing(HttpRules rules) {
        rules.any("/prices", auth).post("/prices", this::importPrices);
    }

    private void importPrices(ServerRequest req, ServerResponse res) {
        try (var reader = new InputStreamReader(req.content().inputStream(), StandardCharsets.UTF_8)) {
            ImportResult r = kanal.priceImporter().importCsv(reader, "http", rows -> { });
            LOG.log(System.Logger.Level.INFO, "prices imported over HTTP format={0} rows={1} changed={2}",
                    r.format(), r.rows(), r.changed());
            ObjectNode body = Json.object()
                    .put("format", r.format())
                    .put("rows", r.rows())
                    .put("changed", r.changed())
                    .put("unchanged", r.unchanged())
                    .put("skipped", r.skipped())
                    .put("millis", r.took().toMillis());
            Json.send(res, Status.OK_200, body);
        } catch (PriceImportException e) {
            Json.send(res, Status.BAD_REQUEST_400, Json.object().put("error", e.getMessage())
                    .put("row", e.row()).put("reason", e.reason()));
        } catch (java.io.IOException e) {
            Json.send(res, Status.BAD_REQUEST_400, Json.object().put("error", "could not read the body: " + e.getMessage()));
        }
    }
}
