package id.kanal.app.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * The first filter of every request: gives it a {@link RequestId} (in the request context and the
 * {@code X-Request-Id} header), and closes the connection whenever the answer says
 * {@code Connection: close}.
 *
 * <p>Why the closing: Helidon 4.2.3 answers a refused body (an oversized chunked body: 413, an
 * unreadable one: 400) with {@code Connection: close} but then keeps reading the same connection,
 * so the rest of the refused body is parsed as a new request and run. Behind a proxy that request
 * comes from the proxy's address and passes the USSD allow-list: request smuggling. Throwing
 * {@link CloseConnectionException} after the answer is written is Helidon's own way to drop the
 * connection. A negative {@code Content-Length} (which Helidon reads as a length, or as "chunked"
 * for -1) is refused here, before any handler reads the body.
 */
final class RequestIds implements Filter {
    private static final System.Logger LOG = System.getLogger(RequestIds.class.getName());

    private final ErrorMapping errors;

    RequestIds(ErrorMapping errors) {
        this.errors = errors;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        RequestId id = RequestId.next();
        req.context().register(id);
        res.header(RequestId.HEADER, id.value());
        if (negativeLength(req)) {
            LOG.log(System.Logger.Level.INFO, "refused requestId={0} path={1}: negative Content-Length", id.value(),
                    req.prologue().uriPath().path());
            res.header(HeaderValues.CONNECTION_CLOSE);
            errors.answer(req, res, Status.BAD_REQUEST_400, "Content-Length must not be negative");
            throw new CloseConnectionException("negative Content-Length: the body cannot be delimited");
        }
        chain.proceed();
        if (res.headers().contains(HeaderValues.CONNECTION_CLOSE)) {
            throw new CloseConnectionException("the answer asked to close the connection");
        }
    }

    private static boolean negativeLength(RoutingRequest req) {
        return req.headers().first(HeaderNames.CONTENT_LENGTH).map(String::strip)
                .filter(v -> v.startsWith("-")).isPresent();
    }
}
