package id.kanal.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import id.kanal.channels.outbox.OutboxSender;
import id.kanal.services.alerts.AlertFunnel;
import id.kanal.services.alerts.Areas;
import id.kanal.services.alerts.AreaAlerts;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Map;

import static id.kanal.app.console.ConsoleException.refusedAsBadRequest;

/**
 * Area alerts, for supervisors, each to the kecamatan, kelurahan and residents of one region: a
 * region account's own ({@link AlertDesks}), the one an every-region account names with
 * {@code ?region=} (the default region's without). {@code GET /areas}: the kecamatan and their
 * kelurahan, and the regions the account may pick. {@code POST /alerts/estimate}
 * {@code {areaKind, area, text}}: residents, channels, SMS segments and estimated cost, nothing sent.
 * {@code POST /alerts}: the same body, sent through the outbox. {@code GET /alerts} and
 * {@code GET /alerts/{id}}: the delivery funnel (queued, sent, delivered, failed) from the
 * providers' status callbacks.
 */
final class AlertRoutes implements HttpService {
    private static final System.Logger LOG = System.getLogger(AlertRoutes.class.getName());

    private final ConsoleGuard guard;
    private final AlertDesks desks;
    private final OutboxSender outbox;

    AlertRoutes(ConsoleGuard guard, AlertDesks desks, OutboxSender outbox) {
        this.guard = guard;
        this.desks = desks;
        this.outbox = outbox;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/areas", (req, res) -> {
            Session s = guard.require(req, Role.SUPERVISOR);
            AlertDesks.Picked region = pick(req, s);
            ConsoleHttp.ok(res, Map.of("region", region.code(), "regions", desks.choices(s.desk()),
                    "kecamatan", region.alerts().areas().all(), "maxText", AreaAlerts.MAX_TEXT));
        }).post("/alerts/estimate", (req, res) -> {
            AreaAlerts alerts = pick(req, guard.require(req, Role.SUPERVISOR)).alerts();
            Request r = Request.of(ConsoleHttp.body(req));
            ConsoleHttp.ok(res, refusedAsBadRequest(() -> alerts.estimate(r.kind(), r.area(), r.text())));
        }).post("/alerts", this::send)
                .get("/alerts", (req, res) -> {
                    AreaAlerts alerts = pick(req, guard.require(req, Role.SUPERVISOR)).alerts();
                    ConsoleHttp.ok(res, Map.of("alerts", alerts.recent(20)));
                })
                .get("/alerts/{id}", (req, res) -> {
                    Session s = guard.require(req, Role.SUPERVISOR);
                    String id = req.path().pathParameters().get("id");
                    ConsoleHttp.ok(res, desks.funnel(s.desk(), pick(req, s), id));
                });
    }

    private void send(ServerRequest req, ServerResponse res) {
        Session s = guard.require(req, Role.SUPERVISOR);
        AlertDesks.Picked region = pick(req, s);
        Request r = Request.of(ConsoleHttp.body(req));
        AlertFunnel sent = refusedAsBadRequest(() -> region.alerts().send(r.kind(), r.area(), r.text(),
                "staff:" + s.username()));
        outbox.wake();
        LOG.log(System.Logger.Level.INFO, "area alert sent id={0} region={1} by={2} recipients={3}", sent.id(),
                region.code(), s.username(), sent.estimate().recipients());
        ConsoleHttp.ok(res, sent);
    }

    private AlertDesks.Picked pick(ServerRequest req, Session s) {
        String asked = ConsoleHttp.query(req, "region");
        return desks.pick(s.desk(), asked.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(asked));
    }

    private record Request(Areas.Kind kind, String area, String text) {
        static Request of(JsonNode body) {
            String kind = ConsoleHttp.text(body, "areaKind");
            try {
                return new Request(Areas.Kind.of(kind), ConsoleHttp.text(body, "area"), ConsoleHttp.text(body, "text"));
            } catch (IllegalArgumentException e) {
                throw ConsoleException.badRequest("areaKind must be kelurahan or kecamatan: " + kind);
            }
        }
    }
}
