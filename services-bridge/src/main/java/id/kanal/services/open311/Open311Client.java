package id.kanal.services.open311;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kanal.services.complaints.ComplaintDetail;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Calls an external Open311 GeoReport v2 desk (JSON format): files a service request
 * ({@code POST requests.json}) and reads one back ({@code GET requests.json?service_request_id=}).
 * See https://wiki.open311.org/GeoReport_v2.
 */
public final class Open311Client {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Open311Endpoint endpoint;
    private final HttpClient http;

    public Open311Client(Open311Endpoint endpoint) {
        this.endpoint = endpoint;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public Open311Endpoint endpoint() {
        return endpoint;
    }

    /** Files the complaint; returns the desk's {@code service_request_id}, or its token when it files later. */
    public Submission submit(ComplaintDetail d) throws Open311Exception {
        Map<String, String> form = new LinkedHashMap<>();
        endpoint.apiKey().ifPresent(k -> form.put("api_key", k));
        endpoint.jurisdiction().ifPresent(j -> form.put("jurisdiction_id", j));
        // Kanal's category codes are the service codes: the region configures both desks alike.
        form.put("service_code", d.category().code());
        d.point().ifPresent(p -> {
            form.put("lat", String.valueOf(p.latitude()));
            form.put("long", String.valueOf(p.longitude()));
        });
        form.put("address_string", d.location());
        form.put("description", d.ticket() + ": " + d.description());
        // Only a link an Open311 client gave: a resident's photo is the provider's (a Twilio URL names the
        // account, a Telegram file's URL carries the bot token) and ComplaintDetail.media never holds it.
        d.media().stream().map(m -> m.url()).filter(u -> u.startsWith("https://") || u.startsWith("http://"))
                .findFirst().ifPresent(u -> form.put("media_url", u));
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        JsonNode answer = send(HttpRequest.newBuilder(endpoint.baseUrl().resolve("requests.json"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        JsonNode first = answer.path(0);
        String id = text(first, "service_request_id");
        if (!id.isEmpty()) {
            return new Submission.Filed(id);
        }
        String token = text(first, "token");
        if (!token.isEmpty()) {
            return new Submission.Queued(token);
        }
        // Accepted but unusable: posting again would only file it twice.
        throw new Open311Exception("neither service_request_id nor token in the answer: " + clip(answer.toString()),
                null, true);
    }

    /** The id a token stands for, once the desk has filed the request; empty while it has not. */
    public Optional<String> serviceRequestIdFor(String token) throws Open311Exception {
        StringBuilder path = new StringBuilder("tokens/").append(enc(token)).append(".json");
        endpoint.jurisdiction().ifPresent(j -> path.append("?jurisdiction_id=").append(enc(j)));
        JsonNode answer = send(HttpRequest.newBuilder(endpoint.baseUrl().resolve(path.toString()))
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .GET().build());
        for (JsonNode r : answer) {
            String id = text(r, "service_request_id");
            if (!id.isEmpty()) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    /** A field as text; JSON null, absent and numbers (some desks send ids as numbers) handled. */
    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? "" : v.asText("").strip();
    }

    /** The request as the desk reports it now; empty when the desk does not know it. */
    public Optional<RemoteRequest> request(String serviceRequestId) throws Open311Exception {
        StringBuilder query = new StringBuilder("requests.json?service_request_id=").append(enc(serviceRequestId));
        endpoint.jurisdiction().ifPresent(j -> query.append("&jurisdiction_id=").append(enc(j)));
        JsonNode answer = send(HttpRequest.newBuilder(endpoint.baseUrl().resolve(query.toString()))
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .GET().build());
        for (JsonNode r : answer) {
            if (serviceRequestId.equals(r.path("service_request_id").asText())) {
                return Optional.of(new RemoteRequest(serviceRequestId, r.path("status").asText(""),
                        r.path("status_notes").isNull() ? "" : r.path("status_notes").asText("")));
            }
        }
        return Optional.empty();
    }

    private JsonNode send(HttpRequest request) throws Open311Exception {
        try {
            HttpResponse<String> res = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (res.statusCode() / 100 != 2) {
                int status = res.statusCode();
                // 4xx: the desk judged the request and refused it (bad service_code, api_key): sending it
                // again changes nothing. 408 and 429 are the exceptions: come back later.
                boolean permanent = status / 100 == 4 && status != 408 && status != 429;
                throw new Open311Exception("HTTP " + status + " from " + URI.create(request.uri().toString())
                        .resolve("/") + ": " + clip(res.body()), null, permanent);
            }
            JsonNode node = JSON.readTree(res.body());
            if (!node.isArray()) {
                throw new Open311Exception("answer is not a JSON array: " + clip(res.body()), null);
            }
            return node;
        } catch (IOException e) {
            throw new Open311Exception("cannot reach " + endpoint.baseUrl().getHost() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Open311Exception("interrupted", e);
        }
    }

    private static String enc(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    private static String clip(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }
}
