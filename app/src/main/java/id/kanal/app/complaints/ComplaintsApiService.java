package id.kanal.app.complaints;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.kanal.app.Kanal;
import id.kanal.app.console.Desk;
import id.kanal.app.console.DeskDirectory;
import id.kanal.app.console.DeskPolicy;
import id.kanal.app.web.ApiToken;
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
import java.util.List;
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
 *
 * <p>A {@link ApiToken scoped token} ({@code KANAL_API_TOKENS}: one region's or one agency's
 * integration) works like a console account of that desk ({@link DeskPolicy}, the same rules):
 * lists and counts hold only its complaints, and another desk's ticket, read or changed, is a 403
 * that says why. The unscoped {@code KANAL_ADMIN_TOKEN} sees everything, as before.
 */
public final class ComplaintsApiService implements HttpService {
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private static final String HOLDER = "this token";

    private final SqlComplaintDesk desk;
    private final Handler auth;
    private final ZoneId zone;
    private final DeskDirectory directory;
    private final DeskPolicy policy;
    private final Map<ApiToken, Desk> desks;

    ComplaintsApiService(SqlComplaintDesk desk, Handler auth, ZoneId zone, DeskDirectory directory,
                         Map<ApiToken, Desk> desks) {
        this.desk = desk;
        this.auth = auth;
        this.zone = zone;
        this.directory = directory;
        this.policy = new DeskPolicy(directory);
        this.desks = Map.copyOf(desks);
    }

    /**
     * The staff API of the deployment.
     *
     * @throws IllegalArgumentException at start, for a scoped token naming a region or agency the deployment lacks
     */
    public static ComplaintsApiService create(Kanal kanal) {
        DeskDirectory directory = new DeskDirectory(kanal.regions().definitions());
        List<ApiToken> tokens = kanal.settings().complaints().apiTokens();
        Map<ApiToken, Desk> desks = new java.util.HashMap<>();
        for (ApiToken t : tokens) {
            try {
                desks.put(t, directory.desk(Optional.of(t.region()), t.agency()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("KANAL_API_TOKENS: " + t.scope() + ": " + e.getMessage(), e);
            }
        }
        return new ComplaintsApiService(kanal.complaints(), new BearerTokenAuth(kanal.settings().complaints().adminToken(),
                tokens, "KANAL_ADMIN_TOKEN or KANAL_API_TOKENS"), kanal.settings().dialog().zone(), directory, desks);
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
        Optional<Desk> scope = scope(req);
        Optional<String> agency = param(req, "agency").map(a -> a.toLowerCase(Locale.ROOT));
        scope.flatMap(d -> policy.listRefusal(d, agency, HOLDER)).ifPresent(why -> {
            throw ClientErrorException.forbidden(why);
        });
        ComplaintFilter filter = new ComplaintFilter(statuses, param(req, "category").map(Set::of).orElse(Set.of()),
                agency.or(() -> scope.flatMap(Desk::agency)), overdue, Optional.empty(), Optional.empty(), Set.of(), limit);
        ArrayNode out = Json.array();
        desk.queries().list(filter, prefix(scope)).forEach(d -> out.add(json(d)));
        Json.send(res, Status.OK_200, out);
    }

    private void counts(ServerRequest req, ServerResponse res) {
        Optional<Desk> scope = scope(req);
        ComplaintCounts c = desk.queries().counts(prefix(scope), scope.flatMap(Desk::agency));
        ObjectNode out = Json.object().put("total", c.total()).put("overdue", c.overdue());
        put(out.putObject("byStatus"), c.byStatus());
        put(out.putObject("byCategory"), c.byCategory());
        put(out.putObject("byAgency"), c.byAgency());
        Json.send(res, Status.OK_200, out);
    }

    private void detail(ServerRequest req, ServerResponse res) {
        String ticket = req.path().pathParameters().get("ticket").toUpperCase(Locale.ROOT);
        ComplaintDetail d = visible(req, ticket);
        ObjectNode out = json(d);
        ArrayNode history = out.putArray("history");
        for (HistoryEntry h : d.history()) {
            history.addObject().put("seq", h.seq()).put("status", h.status().name()).put("at", Json.time(h.at(), zone))
                    .put("by", h.by()).put("note", h.note());
        }
        Json.send(res, Status.OK_200, out);
    }

    private void changeStatus(ServerRequest req, ServerResponse res) {
        String ticket = req.path().pathParameters().get("ticket").toUpperCase(Locale.ROOT);
        JsonNode body = Json.parse(Json.bodyText(req));
        String status = body.path("status").asText("");
        if (status.isBlank()) {
            throw ClientErrorException.badRequest("status is required");
        }
        String by = body.path("by").asText("").strip();
        visible(req, ticket);
        StatusChanged changed = desk.changeStatus(ticket, status(status), "staff:" + (by.isEmpty() ? "unknown" : by),
                body.path("note").asText(""));
        Json.send(res, Status.OK_200, Json.object().put("ticket", changed.ticket()).put("from", changed.from().name())
                .put("to", changed.to().name()).put("notified", changed.notified()));
    }

    /** The token's desk; empty for the unscoped token (everything). */
    private Optional<Desk> scope(ServerRequest req) {
        return BearerTokenAuth.scope(req).map(desks::get);
    }

    /** The ticket prefix of the desk's region; none for a desk of every region. */
    private Optional<String> prefix(Optional<Desk> scope) {
        return scope.flatMap(Desk::region).flatMap(directory::ticketPrefix);
    }

    /** The complaint, 404 when there is none, 403 with the reason when the token's desk does not cover it. */
    private ComplaintDetail visible(ServerRequest req, String ticket) {
        ComplaintDetail d = desk.queries().detail(ticket).orElseThrow(() -> new ComplaintNotFoundException(ticket));
        scope(req).flatMap(s -> policy.refusal(s, d.ticket(), d.agencyCode(),
                directory.agencyName(Optional.empty(), d.agencyCode()).orElse(d.agencyCode()), HOLDER)).ifPresent(why -> {
            throw ClientErrorException.forbidden(why);
        });
        return d;
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
