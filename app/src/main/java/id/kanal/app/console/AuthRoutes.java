package id.kanal.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import id.kanal.dialog.Masking;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import static id.kanal.app.console.ConsoleException.refusedAsBadRequest;

/** {@code POST /login}, {@code POST /logout}, {@code GET /me}. */
final class AuthRoutes implements HttpService {
    private static final System.Logger LOG = System.getLogger(AuthRoutes.class.getName());

    private final ConsoleGuard guard;
    private final Accounts accounts;
    private final Sessions sessions;
    private final LoginLimiter limiter;
    private final ConsoleSettings settings;
    private final String regionName;
    private final ZoneId zone;

    AuthRoutes(ConsoleGuard guard, Accounts accounts, Sessions sessions, LoginLimiter limiter, ConsoleSettings settings,
               String regionName, ZoneId zone) {
        this.zone = zone;
        this.guard = guard;
        this.accounts = accounts;
        this.sessions = sessions;
        this.limiter = limiter;
        this.settings = settings;
        this.regionName = regionName;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/login", this::login)
                .post("/logout", this::logout)
                .get("/me", this::me)
                .post("/me/language", this::language);
    }

    private void login(ServerRequest req, ServerResponse res) {
        JsonNode body = ConsoleHttp.body(req);
        String username = ConsoleHttp.optText(body, "username").orElse("").strip().toLowerCase(java.util.Locale.ROOT);
        String password = ConsoleHttp.optText(body, "password").orElse("");
        String ip = ConsoleHttp.clientIp(req);
        LoginLimiter.Reservation reserved = limiter.reserve(username, ip);
        if (reserved.attempt().isEmpty()) {
            Duration wait = reserved.retryAfter();
            // A failed login's "username" is often a password typed in the wrong box: never logged whole.
            LOG.log(System.Logger.Level.WARNING, "console login refused username={0} ip={1}: too many failures",
                    Masking.mask(username), ip);
            res.header("Retry-After", String.valueOf(Math.max(1, wait.toSeconds())));
            ConsoleHttp.error(req, res, 429, "too many failed logins; try again in " + Math.max(1, wait.toSeconds()) + " s");
            return;
        }
        Optional<Account> account = accounts.verify(username, password);
        if (account.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "console login failed username={0} ip={1}", Masking.mask(username), ip);
            ConsoleHttp.error(req, res, 401, "wrong username or password");
            return;
        }
        reserved.attempt().get().succeeded();
        Sessions.Opened opened = sessions.open(account.get());
        res.header("Set-Cookie", cookie(opened.token(), sessions.ttl().toSeconds()));
        LOG.log(System.Logger.Level.INFO, "console login username={0} role={1}", username, account.get().role().id());
        ConsoleHttp.ok(res, me(opened.session()));
    }

    private void logout(ServerRequest req, ServerResponse res) {
        Optional<Session> s = guard.session(req);
        if (s.isPresent()) {
            ConsoleGuard.checkCsrf(req, s.get());
            sessions.close(s.get());
        }
        res.header("Set-Cookie", cookie("", 0));
        ConsoleHttp.ok(res, Map.of("loggedOut", true));
    }

    private void me(ServerRequest req, ServerResponse res) {
        Optional<Session> s = guard.session(req);
        if (s.isEmpty()) {
            ConsoleHttp.json(res, 401, Map.of("error", "log in first", "demo", settings.demo()));
            return;
        }
        ConsoleHttp.ok(res, me(s.get()));
    }

    /** {@code {"language": "id"|"en"}}: the account's console language, kept for its next logins too. */
    private void language(ServerRequest req, ServerResponse res) {
        Session s = guard.require(req, Role.AGENT);
        String language = ConsoleHttp.text(ConsoleHttp.body(req), "language");
        refusedAsBadRequest(() -> accounts.setLanguage(s.username(), language));
        ConsoleHttp.ok(res, Map.of("language", language));
    }

    /** Who is logged in, in which language, and the region's zone the page writes dates in. */
    private Map<String, Object> me(Session s) {
        return Map.of("username", s.username(), "role", s.role().id(), "csrfToken", s.csrfToken(),
                "demo", settings.demo(), "region", regionName, "deskRegion", s.desk().regionId(),
                "deskAgency", s.desk().agency().orElse(""), "language", accounts.language(s.username()),
                "zone", zone.getId());
    }

    private String cookie(String token, long maxAgeSeconds) {
        return ConsoleGuard.COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + maxAgeSeconds
                + (settings.secureCookie() ? "; Secure" : "");
    }
}
