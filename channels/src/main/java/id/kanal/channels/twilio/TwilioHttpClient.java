package id.kanal.channels.twilio;

import com.twilio.exception.ApiConnectionException;
import com.twilio.http.HttpClient;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SDK's HTTP seam, on the JDK's client: sends each request once, to Twilio or to the base
 * URL configured instead ({@code KANAL_TWILIO_API_URL}, a fake on loopback in tests).
 *
 * <p>The SDK's own client retries 5xx and 429 itself, a few times within milliseconds
 * ({@link HttpClient#reliableRequest(Request)}); here every retry is the outbox's, with its
 * backoff and its record, so {@code reliableRequest} makes exactly one request.
 */
final class TwilioHttpClient extends HttpClient {
    private final java.net.http.HttpClient http;
    private final Optional<URI> base;
    private final Duration timeout;
    /** The last response's Retry-After on this thread: the SDK's ApiException drops headers. */
    private final ThreadLocal<Optional<Duration>> retryAfter = ThreadLocal.withInitial(Optional::empty);

    TwilioHttpClient(Optional<URI> base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        this.http = java.net.http.HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        retryAfter.set(Optional.empty());
        HttpRequest.Builder b = HttpRequest.newBuilder(target(request.constructURL())).timeout(timeout);
        if (request.requiresAuthentication()) {
            b.header("Authorization", request.getAuthString());
        }
        for (Map.Entry<String, List<String>> h : request.getHeaderParams().entrySet()) {
            h.getValue().forEach(v -> b.header(h.getKey(), v));
        }
        b.header("Accept", "application/json");
        if (request.getMethod() == HttpMethod.POST) {
            b.header("Content-Type", "application/x-www-form-urlencoded");
            b.POST(HttpRequest.BodyPublishers.ofString(request.encodeFormBody()));
        } else {
            b.method(request.getMethod().toString(), HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> res;
        try {
            res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ApiConnectionException("timeout after " + timeout, e);
        } catch (IOException e) {
            throw new ApiConnectionException("connection failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiConnectionException("interrupted", e);
        }
        retryAfter.set(res.headers().firstValue("Retry-After").flatMap(TwilioHttpClient::seconds));
        List<Header> headers = new ArrayList<>();
        res.headers().map().forEach((k, vs) -> vs.forEach(v -> headers.add(new BasicHeader(k, v))));
        return new Response(res.body(), res.statusCode(), headers.toArray(Header[]::new));
    }

    Optional<Duration> lastRetryAfter() {
        return retryAfter.get();
    }

    private URI target(URL url) {
        try {
            if (base.isEmpty()) {
                return url.toURI();
            }
            String b = base.get().toString();
            b = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
            return new URI(b + url.getPath() + (url.getQuery() == null ? "" : "?" + url.getQuery()));
        } catch (URISyntaxException e) {
            throw new ApiConnectionException("bad URL " + url, e);
        }
    }

    private static Optional<Duration> seconds(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty(); // an HTTP date: rare from APIs; the backoff applies
        }
    }
}
