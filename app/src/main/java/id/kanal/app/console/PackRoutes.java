package id.kanal.app.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.kanal.app.packs.PackFreshness;
import id.kanal.app.packs.SqlContentPacks;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code GET /packs}, admins only: each content pack's freshness (when it was imported, from
 * where, how many items, whether they are the project's examples), shown on the Prices page
 * beside the price board's. Packs are imported with {@code import-pack}.
 */
final class PackRoutes implements HttpService {
    private final ConsoleGuard guard;
    private final SqlContentPacks packs;

    PackRoutes(ConsoleGuard guard, SqlContentPacks packs) {
        this.guard = guard;
        this.packs = packs;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/packs", this::freshness);
    }

    private void freshness(ServerRequest req, ServerResponse res) {
        guard.require(req, Role.ADMIN);
        ObjectNode body = ConsoleHttp.JSON.createObjectNode();
        ArrayNode list = body.putArray("packs");
        for (PackFreshness p : packs.freshness()) {
            list.addObject().put("code", p.code()).put("nameId", p.nameId()).put("nameEn", p.nameEn())
                    .put("items", p.items()).put("source", p.source()).put("example", p.example())
                    .put("importedAt", p.importedAt().toEpochMilli());
        }
        ConsoleHttp.ok(res, body);
    }
}
