package id.kanal.app.complaints;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.kanal.app.Kanal;
import id.kanal.app.web.BearerTokenAuth;
import id.kanal.app.web.Json;
import id.kanal.channels.web.ClientErrorException;
import id.kanal.dialog.port.ComplaintStatus;
import id.kanal.services.complaints.ComplaintCounts;
import id.kanal.services.complaints.ComplaintDetail;
import id.kanal.services.complaints.ComplaintFilter;
import id.kanal.services.complaints.ComplaintNotFoundException;
import id.kanal.services.complaints.HistoryEntry;
import id.kanal.services.complaints.SqlComplaintDesk;
import id.kanal.services.complaints.StatusChanged;
import id.kanal.dialog.Media;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The staff API over complaints, mounted at {@code /api/complaints}, behind a staff credential
 * ({@link BearerTokenAuth}, for scripts and other city systems; people use the console, whose own
 * complaint routes go through the same desk):
 * {@code GET /} (filters {@code status}, {@code category}, {@code agency}, {@code overdue}, {@code limit}),
 * {@code GET /counts}, {@code GET /{ticket}} (with history and media: the links an Open311 client gave;
 * a resident's photos are Kanal's copies, in the console only) and
 * {@code POST /{ticket}/status} with {@code {"status":"IN_PROGRESS","note":"...","by":"..."}}.
 * Every complaint read carries {@code allowedTransitions}, the statuses the lifecycle allows it to
 * become now; a change the lifecycle refuses (e.g. after a concurrent change) answers 409 with the reason.
 */
public final class ComplaintsApiService implements HttpService {
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final SqlComplaintDesk desk;
    private final Handler auth;
    private final ZoneId zone;

    ComplaintsApiService(SqlComplaintDesk desk, Handler auth, ZoneId zone) {
        this.desk = desk;
        this.auth = auth;
        this.zone = zone;
    }

    public static ComplaintsApiService create(Kanal kanal) {
        return new ComplaintsApiService(kanal.complaints(),
                new BearerTokenAuth(kanal.settings().complaints().adminToken(), "KANAL_ADMIN_TOKEN"), kanal.settings().dialog().zone());
    }

    @Override
    public void routing(HttpRules rules) {
        rules.any(auth)
                .get("/", this::list)
                .get("/counts", this::counts)
                .get("/{ticket}", this::detail)
                .post("/{ticket}/status", this::changeStatus);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Set<ComplaintStatus> statuses = param(req, "status").map(v -> Arrays.stream(v.split(","))
                .map(s -> status(s.strip())).collect(Collectors.toSet())).orElse(Set.of());
        Optional<Boolean> overdue = param(req, "overdue").map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ClientErrorException.badRequest("overdue must be true or false: " + v);
        });
        int limit = param(req, "limit").map(ComplaintsApiService::limit).orElse(DEFAULT_LIMIT);
        ComplaintFilter filter = new ComplaintFilter(statuses, param(req, "category").map(Set::of).orElse(Set.of()),
                param(req, "agency"), overdue, Optional.empty(), Optional.empty(), Set.of(), limit);
        ArrayNode out = Json.array();
        desk.queries().list(filter).forEach(d -> out.add(json(d)));
        Json.send(res, Status.OK_200, out);
    }

    private void counts(ServerRequest req, ServerResponse res) {
        ComplaintCounts c = desk.queries().counts();
        ObjectNode out = Json.object().put("total", c.total()).put("overdue", c.overdue());
        put(out.putObject("byStatus"), c.byStatus());
        put(out.putObject("byCategory"), c.byCategory());
        put(out.putObject("byAgency"), c.byAgency());
        Json.send(res, Status.OK_200, out);
    }

    private void detail(ServerRequest req, ServerResponse res) {
        String ticket = req.path().pathParameters().get("ticket").toUpperCase(Locale.ROOT);
        ComplaintDetail d = desk.queries().detail(ticket).orElseThrow(() -> new ComplaintNotFoundException(ticket));
        ObjectNode out = json(d);
        ArrayNode history = out.putArray("history");
        for (HistoryEntry h : d.history()) {
            history.addObject().put("seq", h.seq()).put("status", h.status().name()).put("at", Json.time(h.at(), zone))
                    .put("by", h.by()).put("note", h.note());
        }
        Json.send(res, Status.OK_200, out);
    }

    private void changeStatus(ServerRequest req, ServerResponse res) {
        String ticket = req.path().pathParameters().get("ticket");
        JsonNode body = Json.parse(Json.bodyText(req));
        String status = body.path("status").asText("");
        if (status.isBlank()) {
            throw ClientErrorException.badRequest("status is required");
        }
        String by = body.path("by").asText("").strip();
        StatusChanged changed = desk.changeStatus(ticket, status(status), "staff:" + (by.isEmpty() ? "unknown" : by),
                body.path("note").asText(""));
        Json.send(res, Status.OK_200, Json.object().put("ticket", changed.ticket()).put("from", changed.from().name())
                .put("to", changed.to().name()).put("notified", changed.notified()));
    }

    private ObjectNode json(ComplaintDetail d) {
        ObjectNode o = Json.object()
                .put("ticket", d.ticket())
                .put("status", d.status().name())
                .put("category", d.category().code())
                .put("categoryName", d.category().nameId())
                .put("agency", d.agencyCode())
                .put("agencyName", d.category().agencyName())
                .put("location", d.location())
                .put("description", d.description())
                .put("reporterChannel", d.reporterChannel())
                .put("filedAt", Json.time(d.filedAt(), zone))
                .put("updatedAt", Json.time(d.updatedAt(), zone))
                .put("expectedAt", Json.time(d.expectedAt(), zone))
                .put("overdue", d.overdue());
        d.point().ifPresentOrElse(p -> o.put("lat", p.latitude()).put("long", p.longitude()),
                () -> o.putNull("lat").putNull("long"));
        o.put("duplicateOf", d.duplicateOf().orElse(null));
        o.put("lastNote", d.lastNote().orElse(null));
        o.put("externalId", d.externalId().orElse(null));
        // What the lifecycle allows now, so a client offers only changes that can succeed (409 stays for races).
        ArrayNode allowed = o.putArray("allowedTransitions");
        d.allowedTransitions().forEach(t -> allowed.add(t.name()));
        ArrayNode media = o.putArray("media");
        for (Media m : d.media()) {
            media.addObject().put("url", m.url()).put("contentType", m.contentType());
        }
        return o;
    }

    private static void put(ObjectNode node, Map<String, Long> values) {
        values.forEach(node::put);
    }

    private static Optional<String> param(ServerRequest req, String name) {
        return req.query().first(name).asOptional().map(String::strip).filter(v -> !v.isEmpty());
    }

    private static ComplaintStatus status(String value) {
        try {
            return ComplaintStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ClientErrorException.badRequest("unknown status " + value + "; one of "
                    + Arrays.toString(ComplaintStatus.values()));
        }
    }

    private static int limit(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 1 || n > MAX_LIMIT) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw ClientErrorException.badRequest("limit must be 1-" + MAX_LIMIT + ": " + value);
        }
    }
}
