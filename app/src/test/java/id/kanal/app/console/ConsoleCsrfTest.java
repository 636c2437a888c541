package id.kanal.app.console;

import id.kanal.dialog.Channel;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every state-changing console route refuses a logged-in request without the CSRF token. The
 * routes are not listed by hand: they are read from {@link ConsoleApi}'s own routing, so a route
 * added later is covered (or fails this test) without anyone remembering to add it here.
 */
class ConsoleCsrfTest extends ConsoleOnServer {
    private static final String RESIDENT = "+6281234500001";
    /** Logging in is the one change that cannot carry a token: there is no session yet. */
    private static final Set<String> EXEMPT = Set.of("POST /login");

    @Test
    void everyStateChangingRoute_withoutCsrfToken_403_andNothingChanges() throws Exception {
        kanal.resident(Channel.SMS, RESIDENT, "petugas");
        for (String t : List.of("lapor sampah", "Jl. Merdeka 5", "Sampah tidak diangkut", "ya")) {
            kanal.resident(Channel.SMS, "+6281234500002", t);
        }
        var admin = kanal.login("admin", ConsoleHarness.ADMIN_PASSWORD);
        kanal.createAccount("budi", Role.AGENT);
        String ticket = admin.json(admin.get("/complaints")).get(0).get("ticket").asText();
        String cannedId = admin.json(admin.post("/canned", Map.of("title", "Salam", "body", "Selamat siang")))
                .get("id").asText();
        String before = snapshot(admin);
        Map<String, String> params = Map.of("{channel}", "sms", "{address}", RESIDENT, "{username}", "budi",
                "{ticket}", ticket, "{id}", cannedId);

        List<String> routes = stateChangingRoutes();
        // The console has more than a dozen: an empty or truncated list would make this test pass vacuously.
        assertTrue(routes.size() >= 12, routes.toString());
        String token = admin.csrf;
        admin.csrf = null;
        List<String> unprotected = new ArrayList<>();
        for (String route : routes) {
            if (EXEMPT.contains(route)) {
                continue;
            }
            String[] mp = route.split(" ", 2);
            String path = mp[1];
            for (var p : params.entrySet()) {
                path = path.replace(p.getKey(), p.getValue());
            }
            assertTrue(!path.contains("{"), "no test value for a parameter in " + route);
            HttpResponse<String> res = admin.send(mp[0], path, Map.of("text", "x", "status", "RESOLVED",
                    "to", "budi", "role", "admin", "username", "eve", "password", "long-enough-1", "title", "t",
                    "body", "b", "channel", "sms", "from", "081200000009"));
            if (res.statusCode() != 403 || !res.body().contains("CSRF")) {
                unprotected.add(route + " -> " + res.statusCode() + " " + res.body());
            }
        }
        assertEquals(List.of(), unprotected);
        admin.csrf = token;
        assertEquals(before, snapshot(admin), "a refused request changed nothing");
    }

    /** What the refused requests could have changed: accounts, canned replies, queue, complaint, outbox. */
    private String snapshot(ConsoleHarness.Client admin) throws Exception {
        return String.join("\n", admin.get("/accounts").body(), admin.get("/canned").body(),
                admin.json(admin.get("/queue")).get("conversations").toString(),
                admin.json(admin.get("/complaints")).toString(), kanal.outbox(RESIDENT).toString());
    }

    /** "METHOD /path" for every route of the console API that is not GET, HEAD or OPTIONS. */
    private List<String> stateChangingRoutes() {
        List<String> out = new ArrayList<>();
        HttpService api = ConsoleApi.create(kanal.kanal());
        api.routing(recorder("", out));
        return out;
    }

    private static HttpRules recorder(String prefix, List<String> out) {
        return (HttpRules) Proxy.newProxyInstance(HttpRules.class.getClassLoader(), new Class<?>[]{HttpRules.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    Object first = args == null || args.length == 0 ? null : args[0];
                    switch (name) {
                        case "register" -> {
                            String p = first instanceof String s ? prefix + s : prefix;
                            for (Object a : args) {
                                if (a instanceof HttpService[] services) {
                                    for (HttpService s : services) {
                                        s.routing(recorder(p, out));
                                    }
                                } else if (!(a instanceof String)) {
                                    throw new AssertionError("register(" + a + ") is not understood by this test");
                                }
                            }
                        }
                        case "get", "head", "options", "trace" -> {
                            // Reads: no CSRF token needed.
                        }
                        case "post", "put", "delete", "patch" -> {
                            if (!(first instanceof String path)) {
                                throw new AssertionError(name + " without a path is not understood by this test");
                            }
                            out.add(name.toUpperCase(Locale.ROOT) + " " + prefix + path);
                        }
                        case "any" -> {
                            if (first instanceof String path) {
                                out.add("POST " + prefix + path);
                            }
                            // any(handler) without a path is a filter (the security headers).
                        }
                        case "route" -> {
                            if (first instanceof Method m && args[1] instanceof String path) {
                                if (!Set.of(Method.GET, Method.HEAD, Method.OPTIONS).contains(m)) {
                                    out.add(m.text() + " " + prefix + path);
                                }
                            } else {
                                throw new AssertionError("route(" + first + ", ...) is not understood by this test");
                            }
                        }
                        default -> throw new AssertionError("HttpRules." + name + " is not understood by this test");
                    }
                    return proxy;
                });
    }
}
