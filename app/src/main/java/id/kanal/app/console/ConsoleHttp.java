package id.kanal.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kanal.app.web.ErrorMapping;
import id.kanal.app.web.RequestId;
import id.kanal.channels.web.ClientAddress;
import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Optional;

/** Small helpers shared by the console's routes: JSON in and out, errors, cookies, headers. */
final class ConsoleHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HeaderName CSRF = HeaderNames.create("X-CSRF-Token");
    /** No inline script anywhere: data can never become code. Charts are SVG built through the DOM. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private ConsoleHttp() {
    }

    static void securityHeaders(ServerResponse res) {
        res.header("Content-Security-Policy", CSP);
        res.header("X-Content-Type-Options", "nosniff");
        res.header("X-Frame-Options", "DENY");
        res.header("Referrer-Policy", "no-referrer");
    }

    static void json(ServerResponse res, int status, Object body) {
        try {
            res.status(Status.create(status));
            res.header(HeaderNames.CONTENT_TYPE, "application/json; charset=UTF-8");
            res.header(HeaderNames.CACHE_CONTROL, "no-store");
            res.send(JSON.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static void ok(ServerResponse res, Object body) {
        json(res, 200, body);
    }

    /** An error answered here rather than thrown (it carries headers of its own): still the one error shape. */
    static void error(ServerRequest req, ServerResponse res, int status, String message) {
        json(res, status, ErrorMapping.body(message, RequestId.of(req)));
    }

    /** The JSON body; 415 unless sent as JSON (an HTML form cannot send JSON cross-site without CORS). */
    static JsonNode body(ServerRequest req) {
        String type = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ConsoleException(415, "send JSON (Content-Type: application/json)");
        }
        JsonNode n = id.kanal.app.web.Json.parse(id.kanal.app.web.Json.bodyText(req));
        if (!n.isObject()) {
            throw ConsoleException.badRequest("the body must be a JSON object");
        }
        return n;
    }

    static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw ConsoleException.badRequest("missing field: " + field);
        }
        return v.asText();
    }

    static Optional<String> optText(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || !v.isTextual() || v.asText().isBlank() ? Optional.empty() : Optional.of(v.asText());
    }

    static Optional<String> cookie(ServerRequest req, String name) {
        for (String header : req.headers().all(HeaderNames.COOKIE, java.util.List::of)) {
            for (String part : header.split(";")) {
                String p = part.strip();
                if (p.startsWith(name + "=")) {
                    return Optional.of(p.substring(name.length() + 1));
                }
            }
        }
        return Optional.empty();
    }

    /** The caller: the peer, or what a trusted proxy forwarded ({@link ClientAddress}). */
    static String clientIp(ServerRequest req) {
        return ClientAddress.text(req);
    }

    /** The resident in the path: {@code .../{channel}/{address}}. */
    static Address address(ServerRequest req) {
        var p = req.path().pathParameters();
        try {
            return new Address(Channel.of(p.get("channel")), p.get("address"));
        } catch (IllegalArgumentException e) {
            throw ConsoleException.notFound("no such conversation");
        }
    }

    static String query(ServerRequest req, String name) {
        return req.query().first(name).orElse("");
    }
}
