package id.kanal.channels.media;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.kanal.channels.testing.LoopbackServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A provider's file host on loopback: Twilio's media URLs (with their redirect to a storage host,
 * which is a second instance: another origin) or Telegram's {@code getFile} and file download.
 * Paths are scripted; every request is recorded with its {@code Authorization} header, so a test
 * asserts exactly what the provider received. An unscripted path answers 404, except that
 * {@link #answerOthers} gives every other path one JSON answer (a Bot API's sendMessage).
 */
public final class FakeMediaServer implements AutoCloseable {
    /** One request as received. */
    public record Request(String method, String path, Optional<String> query, Optional<String> authorization) {
    }

    private record Answer(int status, String contentType, byte[] body, Optional<String> location) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Answer others = new Answer(404, "application/json", "{\"error\":\"not found\"}".getBytes(StandardCharsets.UTF_8),
            Optional.empty());

    public FakeMediaServer() {
        server = LoopbackServer.start(this::handle);
    }

    public URI url() {
        return LoopbackServer.url(server);
    }

    /** {@code path} answers 200 with these bytes. */
    public FakeMediaServer file(String path, String contentType, byte[] body) {
        answers.put(path, new Answer(200, contentType, body, Optional.empty()));
        return this;
    }

    /** {@code path} answers JSON with this status. */
    public FakeMediaServer json(String path, int status, String body) {
        answers.put(path, new Answer(status, "application/json", body.getBytes(StandardCharsets.UTF_8), Optional.empty()));
        return this;
    }

    /** {@code path} answers a status with no body (a 500, a 404). */
    public FakeMediaServer status(String path, int status) {
        answers.put(path, new Answer(status, "text/plain", new byte[0], Optional.empty()));
        return this;
    }

    /** {@code path} answers 307 to {@code location} (Twilio sends media to its storage host so). */
    public FakeMediaServer redirect(String path, URI location) {
        answers.put(path, new Answer(307, "text/plain", new byte[0], Optional.of(location.toString())));
        return this;
    }

    /** Every unscripted path answers this JSON with 200. */
    public FakeMediaServer answerOthers(String json) {
        others = new Answer(200, "application/json", json.getBytes(StandardCharsets.UTF_8), Optional.empty());
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests to one path, in order. */
    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            ex.getRequestBody().readAllBytes();
            String path = ex.getRequestURI().getPath();
            requests.add(new Request(ex.getRequestMethod(), path, Optional.ofNullable(ex.getRequestURI().getQuery()),
                    Optional.ofNullable(ex.getRequestHeaders().getFirst("Authorization"))));
            Answer a = answers.getOrDefault(path, others);
            ex.getResponseHeaders().set("Content-Type", a.contentType());
            a.location().ifPresent(l -> ex.getResponseHeaders().set("Location", l));
            if (a.body().length == 0) {
                ex.sendResponseHeaders(a.status(), -1);
                return;
            }
            ex.sendResponseHeaders(a.status(), a.body().length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(a.body());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
