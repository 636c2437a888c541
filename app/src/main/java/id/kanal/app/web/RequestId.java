package id.kanal.app.web;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

import java.util.concurrent.ThreadLocalRandom;
import java.util.HexFormat;

/**
 * The id of one HTTP request, made by {@link RequestIds} when it arrives: answered in
 * {@code X-Request-Id} on every response and in the body of every error, and logged with a
 * failure, so a report ("it said 500, request id 3f9c...") leads to the log line.
 */
public record RequestId(String value) {
    public static final HeaderName HEADER = HeaderNames.create("X-Request-Id");
    /**
     * 16 random hex digits: unique enough to find one request in a day's logs, short enough to read
     * out. Not a secret, so no SecureRandom: every request makes one, and a shared SecureRandom is a
     * lock all connections queue on.
     */
    static RequestId next() {
        return new RequestId(HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()));
    }

    /** The request's id; "unknown" for a request that did not pass the filter (none in Kanal's routing). */
    public static String of(ServerRequest req) {
        return req.context().get(RequestId.class).map(RequestId::value).orElse("unknown");
    }
}
