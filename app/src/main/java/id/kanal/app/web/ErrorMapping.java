package id.kanal.app.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.kanal.channels.web.ClientErrorException;
import id.kanal.dialog.port.ServiceUnavailableException;
import id.kanal.services.complaints.ComplaintNotFoundException;
import id.kanal.services.complaints.TransitionRefusedException;
import id.kanal.store.DatabaseException;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Map;
import java.util.function.Consumer;

/**
 * The one place where an exception that leaves a route becomes an answer, registered once on
 * the routing ({@link #register}). A {@link ClientErrorException} is the caller's mistake: its
 * status and message. An outage of the database or the complaint desk is 503, so clients retry.
 * Anything else is a bug in Kanal: 500, logged with the stack trace and the request id, and never
 * dressed up as the caller's fault (an {@code IllegalArgumentException} is not a 400).
 *
 * <p>One shape for Kanal's JSON APIs (console, complaints, admin):
 * {@code {"error": "<message>", "requestId": "<id>"}}. Two routes keep the form their clients
 * expect: Open311 answers the GeoReport v2 error list {@code [{"code":400,"description":"..."}]},
 * and the provider webhooks under {@code /channels} answer plain text, as they always have
 * (Twilio, Telegram and USSD gateways only log the body).
 */
public final class ErrorMapping {
    private static final System.Logger LOG = System.getLogger(ErrorMapping.class.getName());
    private static final String OPEN311 = "/open311/";
    private static final String CHANNELS = "/channels/";

    private final Map<String, Consumer<ServerResponse>> headers;

    private ErrorMapping(Map<String, Consumer<ServerResponse>> headers) {
        this.headers = Map.copyOf(headers);
    }

    /**
     * The request-id filter and every error handler: the one registration line of the server's routing.
     *
     * @param headers by path prefix, the headers a route sets on every answer (e.g. the console's
     *                security headers): Helidon clears a response's headers before an error handler runs
     */
    public static HttpRouting.Builder register(HttpRouting.Builder routing, Map<String, Consumer<ServerResponse>> headers) {
        ErrorMapping mapping = new ErrorMapping(headers);
        return mapping.register(routing);
    }

    private HttpRouting.Builder register(HttpRouting.Builder routing) {
        return routing.addFilter(new RequestIds(this))
                .error(ClientErrorException.class, (req, res, e) -> {
                    LOG.log(System.Logger.Level.INFO, "refused requestId={0} status={1} path={2}: {3}", RequestId.of(req),
                            e.status(), path(req), e.getMessage());
                    answer(req, res, Status.create(e.status()), e.getMessage());
                })
                .error(ComplaintNotFoundException.class, (req, res, e) -> answer(req, res, Status.NOT_FOUND_404, e.getMessage()))
                .error(TransitionRefusedException.class, (req, res, e) -> answer(req, res, Status.CONFLICT_409, e.getMessage()))
                .error(DatabaseException.class, (req, res, e) -> outage(req, res, e, "the database is not answering; try again"))
                .error(ServiceUnavailableException.class, (req, res, e) -> outage(req, res, e,
                        "the complaint desk is unavailable, try again later"))
                .error(Throwable.class, this::unexpected);
    }

    private void outage(ServerRequest req, ServerResponse res, Exception e, String message) {
        LOG.log(System.Logger.Level.ERROR, "unavailable requestId=" + RequestId.of(req) + " path=" + path(req), e);
        answer(req, res, Status.SERVICE_UNAVAILABLE_503, message);
    }

    private void unexpected(ServerRequest req, ServerResponse res, Throwable e) {
        // Helidon's own refusals (e.g. 404 for a missing path parameter, 415) keep their status.
        if (e instanceof HttpException http && http.status().code() == Status.NOT_MODIFIED_304.code()) {
            notModified(req, res);
            return;
        }
        if (e instanceof HttpException http && http.status().code() < 500) {
            LOG.log(System.Logger.Level.INFO, "refused requestId={0} status={1} path={2}: {3}", RequestId.of(req),
                    http.status().code(), path(req), e.getMessage());
            if (!http.keepAlive()) {
                res.header(HeaderValues.CONNECTION_CLOSE);
            }
            answer(req, res, http.status(), e.getMessage());
            return;
        }
        LOG.log(System.Logger.Level.ERROR, "failed requestId=" + RequestId.of(req) + " method="
                + req.prologue().method().text() + " path=" + path(req), e);
        answer(req, res, Status.INTERNAL_SERVER_ERROR_500,
                "Kanal failed to answer this request; quote the request id when you report it");
    }

    /**
     * A static file the browser already has (Helidon's static content throws to say so): 304 with no body,
     * which HTTP requires (with one, Helidon sent a 500 instead), and its ETag again, which is the one the
     * browser offered when it offered one.
     */
    private void notModified(ServerRequest req, ServerResponse res) {
        res.status(Status.NOT_MODIFIED_304);
        res.header(RequestId.HEADER, RequestId.of(req));
        req.headers().first(HeaderNames.IF_NONE_MATCH)
                .filter(etag -> !etag.contains(",") && !etag.strip().equals("*"))
                .ifPresent(etag -> res.header(HeaderNames.ETAG, etag.strip()));
        routeHeaders(path(req), res);
        res.send();
    }

    /** Sends the error in the form the route's clients read (see the class comment). */
    void answer(ServerRequest req, ServerResponse res, Status status, String message) {
        String id = RequestId.of(req);
        String path = path(req);
        res.header(RequestId.HEADER, id);
        // An error is never cached, and its body is never sniffed into something else.
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
        routeHeaders(path, res);
        if (path.startsWith(OPEN311)) {
            ArrayNode body = Json.array();
            body.addObject().put("code", status.code()).put("description", message);
            Json.send(res, status, body);
        } else if (path.startsWith(CHANNELS)) {
            res.status(status);
            res.header(HeaderNames.CONTENT_TYPE, "text/plain; charset=UTF-8");
            res.send(message);
        } else {
            Json.send(res, status, body(message, id));
        }
    }

    /** The headers the route sets on every answer, which Helidon cleared before the error handler ran. */
    private void routeHeaders(String path, ServerResponse res) {
        headers.forEach((prefix, set) -> {
            if (path.startsWith(prefix)) {
                set.accept(res);
            }
        });
    }

    /** The one error shape of Kanal's JSON APIs; a route may add fields to it, never rename these. */
    public static ObjectNode body(String message, String requestId) {
        return Json.object().put("error", message).put("requestId", requestId);
    }

    private static String path(ServerRequest req) {
        return req.prologue().uriPath().path();
    }
}
