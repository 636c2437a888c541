package id.kanal.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.kanal.channels.web.ClientErrorException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** JSON for Kanal's HTTP APIs: one shared Jackson mapper, ISO-8601 times with the region's offset. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final String CONTENT_TYPE = "application/json; charset=utf-8";

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** Parses a request body; a body that is not JSON is the caller's error. */
    public static JsonNode parse(String body) {
        if (body.isBlank()) {
            throw ClientErrorException.badRequest("the body is empty; send a JSON object");
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ClientErrorException.badRequest("body is not JSON: " + e.getOriginalMessage());
        }
    }

    /** The request's body as text; empty when the request has none (Helidon refuses to read an absent entity). */
    public static String bodyText(io.helidon.webserver.http.ServerRequest req) {
        return req.content().hasEntity() ? req.content().as(String.class) : "";
    }

    /** {@code 2026-11-22T10:00:00+07:00}: the form of the Open311 examples, in the region's zone. */
    public static String time(Instant at, ZoneId zone) {
        return ISO.format(at.atZone(zone));
    }

    public static void send(ServerResponse res, Status status, JsonNode body) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, CONTENT_TYPE);
        res.send(body.toString());
    }
}
