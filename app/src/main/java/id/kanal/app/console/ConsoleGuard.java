package id.kanal.app.console;

import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Who is asking: the session behind the cookie, its role, and for every state-changing request
 * the CSRF token in {@code X-CSRF-Token}, compared in constant time. SameSite=Strict already keeps
 * the cookie off cross-site requests; the token is the second lock, for older browsers and for
 * same-site attackers (another app on a sibling subdomain).
 */
final class ConsoleGuard {
    static final String COOKIE = "kanal_session";

    private final Sessions sessions;

    ConsoleGuard(Sessions sessions) {
        this.sessions = sessions;
    }

    Optional<Session> session(ServerRequest req) {
        return ConsoleHttp.cookie(req, COOKIE).filter(t -> !t.isEmpty()).flatMap(sessions::find);
    }

    /** The session with at least that role; 401 without one, 403 with a lesser role or a missing CSRF token. */
    Session require(ServerRequest req, Role role) {
        Session s = session(req).orElseThrow(() -> new ConsoleException(401, "log in first"));
        if (!s.role().atLeast(role)) {
            throw ConsoleException.forbidden("this needs the " + role.id() + " role");
        }
        if (changesState(req)) {
            checkCsrf(req, s);
        }
        return s;
    }

    static void checkCsrf(ServerRequest req, Session s) {
        String sent = req.headers().first(ConsoleHttp.CSRF).orElse("");
        if (!MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), s.csrfToken().getBytes(StandardCharsets.UTF_8))) {
            throw ConsoleException.forbidden("missing or wrong CSRF token: reload the page");
        }
    }

    static boolean changesState(ServerRequest req) {
        Method m = req.prologue().method();
        return !(m == Method.GET || m == Method.HEAD || m == Method.OPTIONS);
    }
}
