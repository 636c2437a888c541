package id.kanal.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kanal.channels.testing.LogCapture;
import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one error mapping on Kanal's real routing: a caller's mistake answers its 4xx in one JSON
 * shape on every JSON API; a bug answers 500 with the request id, and is logged with it.
 */
class ErrorMappingTest extends KanalOnServer {
    private static final String ADMIN = "admin-token-for-errors";
    private static final ObjectMapper JSON = new ObjectMapper();

    ErrorMappingTest() {
        super(Map.of("KANAL_ADMIN_TOKEN", ADMIN));
    }

    @Test
    void unexpectedException_500WithRequestId_loggedWithIt_neverA400() throws Exception {
        // Kanal's own routing plus one route with a bug: an IllegalArgumentException is not the caller's fault.
        WebServer buggy = WebServer.builder().port(0)
                .routing(r -> {
                    KanalServer.routing(r, kanal.kanal());
                    r.get("/api/test/bug", (req, res) -> {
                        throw new IllegalArgumentException("index out of range in a report");
                    });
                })
                .build().start();
        try (LogCapture log = new LogCapture("id.kanal.app.web.ErrorMapping")) {
            HttpResponse<String> res = send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + buggy.port() + "/api/test/bug")).GET());

            assertEquals(500, res.statusCode(), res.body());
            JsonNode body = errorShape(res);
            assertFalse(body.get("error").asText().contains("index out of range"), "no internals to the caller: " + body);
            String id = body.get("requestId").asText();
            assertTrue(log.messages().stream().anyMatch(m -> m.contains("requestId=" + id) && m.contains("/api/test/bug")),
                    log.messages().toString());
        } finally {
            buggy.stop();
        }
    }

    @Test
    void badRequest_sameShapeOnEveryJsonApi() throws Exception {
        String base = "http://localhost:" + kanal.port();
        List<HttpResponse<String>> answers = List.of(
                // The console: a body that is not JSON.
                send(HttpRequest.newBuilder(URI.create(base + "/api/console/login"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{"))),
                // The complaints API: a limit out of range, and a body that is not JSON.
                send(HttpRequest.newBuilder(URI.create(base + "/api/complaints/?limit=0"))
                        .header("Authorization", "Bearer " + ADMIN).GET()),
                send(HttpRequest.newBuilder(URI.create(base + "/api/complaints/TNG-000001/status"))
                        .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("not json"))),
                // The admin API: a price file with a bad row (it adds row, reason and imported).
                send(HttpRequest.newBuilder(URI.create(base + "/api/admin/prices"))
                        .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "date,market,commodity,unit,price\n2026-11-22,Pasar Anyar,beras,kg,mahal\n"))));
        Set<String> ids = new HashSet<>();
        List<String> statuses = new ArrayList<>();
        for (HttpResponse<String> res : answers) {
            statuses.add(res.uri().getPath() + " " + res.statusCode());
            assertEquals(400, res.statusCode(), res.uri() + ": " + res.body());
            ids.add(errorShape(res).get("requestId").asText());
        }
        assertEquals(answers.size(), ids.size(), "one id per request: " + ids);
    }

    @Test
    void open311_keepsTheSpecsErrorList_withTheRequestIdHeader() throws Exception {
        HttpResponse<String> res = send(HttpRequest.newBuilder(URI.create("http://localhost:" + kanal.port()
                + "/open311/v2/requests.json?status=pending")).GET());
        assertEquals(400, res.statusCode(), res.body());
        JsonNode body = JSON.readTree(res.body());
        assertEquals(400, body.get(0).get("code").asInt(), res.body());
        assertTrue(body.get(0).get("description").asText().contains("open or closed"), res.body());
        assertTrue(res.headers().firstValue("X-Request-Id").isPresent());
    }

    @Test
    void everyAnswer_carriesItsRequestId() throws Exception {
        HttpResponse<String> sms = kanal.sms("SM1", "+6281234567890", "halo");
        assertEquals(200, sms.statusCode());
        assertTrue(sms.headers().firstValue("X-Request-Id").orElse("").matches("[0-9a-f]{16}"), sms.headers().toString());
    }

    /** {@code {"error": "...", "requestId": "..."}} (a route may add fields), the id also in X-Request-Id. */
    private static JsonNode errorShape(HttpResponse<String> res) throws Exception {
        assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), res.headers().toString());
        JsonNode body = JSON.readTree(res.body());
        assertTrue(body.isObject() && body.path("error").isTextual() && !body.get("error").asText().isBlank(), res.body());
        String id = body.path("requestId").asText("");
        assertTrue(id.matches("[0-9a-f]{16}"), res.body());
        assertEquals(id, res.headers().firstValue("X-Request-Id").orElse(""), res.uri().toString());
        return body;
    }
}
