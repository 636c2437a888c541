package id.kanal.app.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Lets a request through only with {@code Authorization: Bearer <token>} ({@code KANAL_ADMIN_TOKEN}):
 * the credential of scripts and cron jobs, which cannot log in to the console. People use console
 * accounts (session, CSRF token, role) instead; the two ways in share the work behind them (e.g.
 * {@code PriceUpload}). Register it first in a service's rules ({@code rules.any(auth)}). Missing
 * or wrong token: 401; no token configured: 503, so an unconfigured server never serves staff data
 * to anyone. Besides the one unscoped token, a service may accept {@link ApiToken scoped tokens}
 * (one region's or agency's integration): the route reads the caller's scope with {@link #scope}
 * and narrows or refuses (403) by it.
 */
public final class BearerTokenAuth implements Handler {
    private static final System.Logger LOG = System.getLogger(BearerTokenAuth.class.getName());

    private final Optional<byte[]> token;
    private final List<ApiToken> scoped;
    private final List<byte[]> scopedBytes;
    private final String variable;
    private final boolean scopedRefused;

    /** @param variable the setting's name, for the 503 message */
    public BearerTokenAuth(Optional<String> token, String variable) {
        this(token, List.of(), variable);
    }

    /**
     * @param token    the unscoped token (everything), if set
     * @param scoped   tokens of one region or agency each; their scope is registered in the request's context
     * @param variable the setting's name, for the 503 message
     */
    public BearerTokenAuth(Optional<String> token, List<ApiToken> scoped, String variable) {
        this(token, scoped, variable, false);
    }

    /**
     * Lets in only the unscoped token; a region's or agency's token is known (not a 401 "wrong
     * token") and refused with a 403 that says why: what this service does is not one desk's.
     */
    public static BearerTokenAuth unscopedOnly(Optional<String> token, List<ApiToken> scoped, String variable) {
        return new BearerTokenAuth(token, scoped, variable, true);
    }

    private BearerTokenAuth(Optional<String> token, List<ApiToken> scoped, String variable, boolean scopedRefused) {
        this.scopedRefused = scopedRefused;
        this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8));
        this.scoped = List.copyOf(scoped);
        this.scopedBytes = this.scoped.stream().map(t -> t.token().getBytes(StandardCharsets.UTF_8)).toList();
        this.variable = variable;
    }

    /** The scope of the token this request was let in with; empty for the unscoped token. */
    public static Optional<ApiToken> scope(ServerRequest req) {
        return req.context().get(ApiToken.class, ApiToken.class);
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        if (token.isEmpty() && (scoped.isEmpty() || scopedRefused)) {
            Json.send(res, Status.SERVICE_UNAVAILABLE_503,
                    ErrorMapping.body("the staff API is disabled: set " + variable, RequestId.of(req)));
            return;
        }
        Optional<String> header = req.headers().first(HeaderNames.AUTHORIZATION);
        byte[] given = header.filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).strip().getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]);
        // Constant time: the comparison must not tell an attacker how many leading bytes were right,
        // nor which token came close: every token is compared, whatever matched before.
        boolean unscoped = token.isPresent() & MessageDigest.isEqual(given, token.orElse(new byte[0]));
        ApiToken match = null;
        for (int i = 0; i < scopedBytes.size(); i++) {
            if (MessageDigest.isEqual(given, scopedBytes.get(i))) {
                match = scoped.get(i);
            }
        }
        if (match != null && scopedRefused) {
            LOG.log(System.Logger.Level.WARNING, "staff API refused path={0} reason=scoped-token scope={1}",
                    req.path().path(), match.scope());
            Json.send(res, Status.FORBIDDEN_403, ErrorMapping.body("the token of " + match.scope() + " works on that "
                    + "desk's complaints only; this needs the unscoped KANAL_ADMIN_TOKEN", RequestId.of(req)));
            return;
        }
        if (match != null) {
            req.context().register(ApiToken.class, match);
        }
        if (given.length == 0 || !unscoped && match == null) {
            LOG.log(System.Logger.Level.WARNING, "staff API refused path={0} reason={1}", req.path().path(),
                    header.isEmpty() ? "no-token" : "wrong-token");
            res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer");
            Json.send(res, Status.UNAUTHORIZED_401,
                    ErrorMapping.body("a valid staff bearer token is required", RequestId.of(req)));
            return;
        }
        res.next();
    }
}
