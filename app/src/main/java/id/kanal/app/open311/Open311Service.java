package id.kanal.app.open311;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.kanal.app.Kanal;
import id.kanal.app.web.Json;
import id.kanal.channels.web.FormBody;
import id.kanal.channels.web.ClientErrorException;
import id.kanal.dialog.GeoPoint;
import id.kanal.dialog.Masking;
import id.kanal.dialog.Media;
import id.kanal.dialog.PhoneNumbers;
import id.kanal.dialog.port.Category;
import id.kanal.dialog.port.ComplaintStatus;
import id.kanal.dialog.port.FiledComplaint;
import id.kanal.services.complaints.ComplaintDetail;
import id.kanal.services.complaints.ComplaintFiling;
import id.kanal.services.complaints.ComplaintFilter;
import id.kanal.services.complaints.SqlComplaintDesk;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An Open311 GeoReport v2 server (JSON format) over Kanal's complaint desk, mounted at
 * {@code /open311/v2}: services, service definitions, filing (an {@code api_key} is required) and
 * reading requests. The {@code service_request_id} is the ticket code, the {@code service_code}
 * the category code. {@code jurisdiction_id} is a region's code and selects its desk: its
 * services, its complaints, its time zone; without one, the default region's (a single-region
 * deployment needs none); an unknown one is 404. Errors come as the spec's {@code [{"code":400,"description":"..."}]}, written by
 * {@code ErrorMapping} for every path under {@code /open311/}; a desk outage is ours (503), so clients retry.
 * See https://wiki.open311.org/GeoReport_v2.
 */
public final class Open311Service implements HttpService {
    private static final System.Logger LOG = System.getLogger(Open311Service.class.getName());
    /** The spec recommends a default window of 90 days and at most 1000 requests per answer. */
    private static final Duration DEFAULT_WINDOW = Duration.ofDays(90);
    private static final int MAX_REQUESTS = 1000;
    private static final Set<ComplaintStatus> OPEN = EnumSet.of(ComplaintStatus.RECEIVED, ComplaintStatus.ASSIGNED,
            ComplaintStatus.IN_PROGRESS);
    private static final Set<ComplaintStatus> CLOSED = EnumSet.of(ComplaintStatus.RESOLVED, ComplaintStatus.REJECTED);

    /** The jurisdictions by id, the default first. */
    private final Map<String, Jurisdiction> jurisdictions;
    private final Jurisdiction byDefault;
    private final boolean publicReads;
    private final List<byte[]> apiKeys;
    private final Clock clock;

    /**
     * One region as Open311 clients see it.
     *
     * @param id           its {@code jurisdiction_id}: the region's code
     * @param ticketPrefix what its tickets start with: a ticket of another region is not its request
     * @param zone         its time zone, for the request's dates
     */
    record Jurisdiction(String id, SqlComplaintDesk desk, String ticketPrefix, ZoneId zone) {
    }

    /**
     * Whether the ticket is the jurisdiction's: it carries its prefix; a ticket of no region's prefix
     * (one filed before its region changed prefix) is the default's.
     */
    private boolean owns(Jurisdiction j, String ticket) {
        Jurisdiction owner = jurisdictions.values().stream().filter(o -> ticket.startsWith(o.ticketPrefix() + "-"))
                .findFirst().orElse(byDefault);
        return owner == j;
    }

    /**
     * @param jurisdictions the deployment's regions, the default first
     * @param publicReads   whether reads answer without an {@code api_key} (progress only)
     */
    Open311Service(List<Jurisdiction> jurisdictions, List<String> apiKeys, boolean publicReads, Clock clock) {
        Map<String, Jurisdiction> byId = new LinkedHashMap<>();
        jurisdictions.forEach(j -> byId.put(j.id(), j));
        this.jurisdictions = Map.copyOf(byId);
        this.byDefault = jurisdictions.getFirst();
        this.publicReads = publicReads;
        this.apiKeys = apiKeys.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
        this.clock = clock;
    }

    public static Open311Service create(Kanal kanal) {
        ZoneId zone = kanal.settings().dialog().zone();
        List<Jurisdiction> jurisdictions = kanal.allServices().stream().map(r -> new Jurisdiction(r.code(),
                r.complaints(), r.region().definition().ticketPrefix(), r.region().zone().orElse(zone))).toList();
        return new Open311Service(jurisdictions, kanal.settings().complaints().open311ApiKeys(),
                kanal.settings().complaints().open311PublicReads(), kanal.clock());
    }

    /** The region {@code jurisdiction_id} names (in the query, or in a filing's form), else the default. */
    private Jurisdiction jurisdiction(Optional<String> id) {
        return id.map(String::strip).filter(s -> !s.isEmpty()).map(j -> Optional.ofNullable(jurisdictions.get(j))
                .orElseThrow(() -> ClientErrorException.notFound("jurisdiction_id not found: " + j))).orElse(byDefault);
    }

    private Jurisdiction jurisdiction(ServerRequest req) {
        return jurisdiction(req.query().first("jurisdiction_id").asOptional());
    }

    @Override
    public void routing(HttpRules rules) {
        // Errors leave through the server's ErrorMapping, in the spec's form for every path under /open311/.
        rules.get("/services.json", this::services)
                .get("/services/{file}", this::service)
                .post("/requests.json", this::file)
                .get("/requests.json", this::requests)
                .get("/requests/{file}", this::request);
    }

    private void services(ServerRequest req, ServerResponse res) {
        ArrayNode out = Json.array();
        for (Category c : jurisdiction(req).desk().categories()) {
            out.addObject()
                    .put("service_code", c.code())
                    .put("service_name", c.nameId())
                    .put("description", c.nameEn() + " (" + c.agencyName() + ")")
                    .put("metadata", false)
                    .put("type", "realtime")
                    .put("keywords", String.join(", ", c.keywords()))
                    .put("group", c.agencyName());
        }
        Json.send(res, Status.OK_200, out);
    }

    private void service(ServerRequest req, ServerResponse res) {
        String code = jsonName(req.path().pathParameters().get("file"));
        Category c = category(jurisdiction(req).desk(), code);
        ObjectNode out = Json.object().put("service_code", c.code());
        // Kanal asks residents for no extra attributes: location, description and photos suffice.
        out.putArray("attributes");
        Json.send(res, Status.OK_200, out);
    }

    private void file(ServerRequest req, ServerResponse res) {
        FormBody form = FormBody.parse(id.kanal.app.web.Json.bodyText(req));
        checkApiKey(form.get("api_key"));
        SqlComplaintDesk desk = jurisdiction(form.get("jurisdiction_id")
                .or(() -> req.query().first("jurisdiction_id").asOptional())).desk();
        String code = form.nonBlank("service_code")
                .orElseThrow(() -> ClientErrorException.badRequest("service_code is required"));
        Category category = category(desk, code);
        Optional<GeoPoint> point = point(form);
        Optional<String> address = form.nonBlank("address_string").or(() -> form.nonBlank("address_id"));
        if (point.isEmpty() && address.isEmpty()) {
            throw ClientErrorException.badRequest("a location is required: lat and long, or address_string");
        }
        String location = address.orElseGet(() -> point.get().latitude() + "," + point.get().longitude());
        // A reporter with a phone number is told of changes by SMS like any resident; others follow on Open311.
        Optional<String> phone = form.nonBlank("phone").flatMap(PhoneNumbers::normalise);
        String channel = phone.isPresent() ? "sms" : "open311";
        String reporter = phone.or(() -> form.nonBlank("email")).orElse("anonymous");
        List<Media> media = form.nonBlank("media_url").map(u -> List.of(new Media(u, contentType(u)))).orElse(List.of());
        FiledComplaint filed = desk.file(new ComplaintFiling("open311:" + UUID.randomUUID(), channel, reporter,
                category.code(), location, form.get("description").orElse(""), point, media, "open311"));
        LOG.log(System.Logger.Level.INFO, "open311 filed ticket={0} region={1} service={2} reporter={3}:{4}",
                filed.ticket(), desk.regionCode(), category.code(), channel, Masking.mask(reporter));
        String notice = filed.duplicateOf().map(t -> "Already reported as " + t + "; this request follows its updates.")
                .orElse("Routed to " + filed.agencyName() + ".");
        ArrayNode out = Json.array();
        out.addObject().put("service_request_id", filed.ticket()).put("service_notice", notice).putNull("account_id");
        Json.send(res, Status.CREATED_201, out);
    }

    private void requests(ServerRequest req, ServerResponse res) {
        Jurisdiction j = jurisdiction(req);
        Set<String> tickets = list(req, "service_request_id").stream()
                .map(t -> t.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
        // A region's requests are its tickets. Beside other regions, a list of every service is one of its
        // categories (codes are unique in a deployment), so the limit counts its own; alone, of any, as
        // before regions (a category since removed from its file included).
        List<String> asked = list(req, "service_code");
        Set<String> codes = asked.isEmpty() && jurisdictions.size() > 1
                ? j.desk().categories().stream().map(Category::code).collect(Collectors.toSet()) : Set.copyOf(asked);
        Set<ComplaintStatus> statuses = EnumSet.noneOf(ComplaintStatus.class);
        for (String s : list(req, "status")) {
            switch (s.toLowerCase(Locale.ROOT)) {
                case "open" -> statuses.addAll(OPEN);
                case "closed" -> statuses.addAll(CLOSED);
                default -> throw ClientErrorException.badRequest("status must be open or closed: " + s);
            }
        }
        Optional<Instant> start = date(req, "start_date");
        Optional<Instant> end = date(req, "end_date");
        if (tickets.isEmpty() && start.isEmpty()) {
            start = Optional.of(end.orElse(clock.instant()).minus(DEFAULT_WINDOW));
        }
        Open311Json.Reader reader = reader(req);
        ArrayNode out = Json.array();
        List<ComplaintDetail> found = j.desk().queries().list(new ComplaintFilter(statuses, codes, Optional.empty(),
                Optional.empty(), start, end, tickets, MAX_REQUESTS));
        found.stream().filter(d -> owns(j, d.ticket())).forEach(d -> out.add(Open311Json.request(d, j.zone(), reader)));
        Json.send(res, Status.OK_200, out);
    }

    private void request(ServerRequest req, ServerResponse res) {
        Jurisdiction j = jurisdiction(req);
        String ticket = jsonName(req.path().pathParameters().get("file")).toUpperCase(Locale.ROOT);
        ComplaintDetail d = j.desk().queries().detail(ticket).filter(found -> owns(j, found.ticket()))
                .orElseThrow(() -> ClientErrorException.notFound("service_request_id not found: " + ticket));
        ArrayNode out = Json.array();
        out.add(Open311Json.request(d, j.zone(), reader(req)));
        Json.send(res, Status.OK_200, out);
    }

    /** A reader with a valid {@code api_key} sees the details; without one, the public view; a wrong key is refused. */
    private Open311Json.Reader reader(ServerRequest req) {
        Optional<String> given = req.query().first("api_key").asOptional();
        if (given.isEmpty()) {
            if (!publicReads) {
                throw ClientErrorException.forbidden("this server answers Open311 reads only with an api_key");
            }
            return Open311Json.Reader.PUBLIC;
        }
        if (!validKey(given.get())) {
            throw ClientErrorException.forbidden("Invalid api_key received; leave it out for the public view.");
        }
        return Open311Json.Reader.KEY_HOLDER;
    }

    private boolean validKey(String given) {
        byte[] key = given.getBytes(StandardCharsets.UTF_8);
        boolean ok = false;
        for (byte[] k : apiKeys) {
            // Every key compared in constant time, none skipped, so timing reveals nothing.
            ok |= MessageDigest.isEqual(key, k);
        }
        return ok;
    }

    private void checkApiKey(Optional<String> given) {
        if (apiKeys.isEmpty()) {
            throw ClientErrorException.forbidden("filing requests is disabled on this server (no api_key configured)");
        }
        if (!validKey(given.orElse(""))) {
            throw ClientErrorException.forbidden("Invalid api_key received -- can't proceed with create_request.");
        }
    }

    private static Category category(SqlComplaintDesk desk, String code) {
        return desk.categories().stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> ClientErrorException.notFound("service_code not found: " + code));
    }

    /** {@code name.json} to {@code name}; Kanal answers JSON only, so other formats are not found. */
    private static String jsonName(String file) {
        if (!file.endsWith(".json")) {
            throw ClientErrorException.notFound("only the JSON format is supported: " + file);
        }
        return file.substring(0, file.length() - 5);
    }

    private static Optional<GeoPoint> point(FormBody form) {
        Optional<String> lat = form.nonBlank("lat");
        Optional<String> lon = form.nonBlank("long");
        if (lat.isEmpty() || lon.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new GeoPoint(Double.parseDouble(lat.get()), Double.parseDouble(lon.get())));
        } catch (IllegalArgumentException e) {
            throw ClientErrorException.badRequest("lat and long must be WGS84 degrees: " + e.getMessage());
        }
    }

    private static String contentType(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        return u.endsWith(".png") ? "image/png" : u.endsWith(".jpg") || u.endsWith(".jpeg") ? "image/jpeg" : "image/*";
    }

    private static List<String> list(ServerRequest req, String name) {
        return req.query().first(name).asOptional().map(v -> Arrays.stream(v.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList()).orElse(List.of());
    }

    private static Optional<Instant> date(ServerRequest req, String name) {
        Optional<String> v = req.query().first(name).asOptional().filter(s -> !s.isBlank());
        try {
            return v.map(s -> OffsetDateTime.parse(s.strip()).toInstant());
        } catch (DateTimeParseException e) {
            throw ClientErrorException.badRequest(name + " must be ISO 8601 with an offset, e.g. "
                    + "2026-11-22T10:00:00+07:00: " + v.orElse(""));
        }
    }

}
