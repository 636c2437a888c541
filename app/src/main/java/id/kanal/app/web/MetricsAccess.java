package id.kanal.app.web;

import id.kanal.channels.web.ClientAddress;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Who may read {@code /observe/metrics} (request counts and timings, JVM internals: a map for an
 * attacker): with {@code KANAL_METRICS_TOKEN} set, whoever sends it as a bearer token; without,
 * only this machine, and only directly (a request that came through a proxy carries a
 * forwarded-for header and is not local, whatever address the proxy connects from). Health
 * stays open: load balancers and uptime checks need it.
 */
public final class MetricsAccess implements Filter {
    static final String PATH = "/observe/metrics";
    private static final System.Logger LOG = System.getLogger(MetricsAccess.class.getName());

    private final Optional<byte[]> token;

    public MetricsAccess(Optional<String> token) {
        this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.path().path();
        if (!(path.equals(PATH) || path.startsWith(PATH + "/"))) {
            chain.proceed();
            return;
        }
        Optional<String> refused = token.isPresent() ? tokenRefusal(req) : localRefusal(req);
        if (refused.isPresent()) {
            LOG.log(System.Logger.Level.INFO, "metrics refused caller={0} reason={1}", ClientAddress.text(req),
                    refused.get());
            if (token.isPresent()) {
                res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer");
            }
            res.status(token.isPresent() ? Status.UNAUTHORIZED_401 : Status.FORBIDDEN_403)
                    .send(token.isPresent() ? "a valid metrics bearer token is required"
                            : "metrics are served to this machine only (or set KANAL_METRICS_TOKEN)");
            return;
        }
        chain.proceed();
    }

    private Optional<String> tokenRefusal(RoutingRequest req) {
        byte[] given = req.headers().first(HeaderNames.AUTHORIZATION)
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).strip().getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]);
        // Constant time: the comparison must not tell how many leading bytes were right.
        return MessageDigest.isEqual(given, token.orElseThrow()) ? Optional.empty() : Optional.of("token");
    }

    private static Optional<String> localRefusal(RoutingRequest req) {
        boolean proxied = req.headers().contains(HeaderNames.X_FORWARDED_FOR)
                || req.headers().contains(HeaderNames.FORWARDED);
        boolean local = ClientAddress.of(req).map(InetAddress::isLoopbackAddress).orElse(false);
        return local && !proxied ? Optional.empty() : Optional.of(proxied ? "proxied" : "not-local");
    }
}
