package id.kanal.app.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kanal.app.Kanal;
import id.kanal.channels.web.ClientErrorException;
import id.kanal.services.live.LiveBoard;
import id.kanal.services.live.LiveFigures;
import id.kanal.services.live.SqlLiveBoard;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /live} (the regions: a page for browsers, JSON otherwise), {@code GET /live/{region}}
 * (the board's page) and {@code GET /live/{region}.json} (its figures), open to anyone: the
 * figures hold no personal data. An unknown region is a 404 in the one JSON error shape.
 */
public final class LiveService implements HttpService {
    /** How long one computation of a region's figures serves every screen polling it. */
    static final Duration FRESH_FOR = Duration.ofSeconds(10);
    private static final String JSON_SUFFIX = ".json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self'; base-uri 'none'; form-action 'none'";

    private final LiveBoard board;
    private final ZoneId zone;
    private final Map<String, Asset> assets = Map.of(
            "live.js", new Asset("text/javascript; charset=utf-8", resource("live/live.js")),
            "live.css", new Asset("text/css; charset=utf-8", resource("live/live.css")));

    LiveService(LiveBoard board, ZoneId zone) {
        this.board = board;
        this.zone = zone;
    }

    /** The boards of the deployment's regions (the default one and each of the regions directory). */
    public static LiveService create(Kanal kanal) {
        return new LiveService(new SqlLiveBoard(kanal.database(), kanal.clock(), kanal.regions().definitions(), FRESH_FOR),
                kanal.settings().dialog().zone());
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::regions)
                .get("/assets/{file}", this::asset)
                .get("/{region}", this::region);
    }

    private void regions(ServerRequest req, ServerResponse res) {
        if (wantsHtml(req)) {
            html(res, LivePage.regions(board.regions()));
            return;
        }
        List<Map<String, String>> list = board.regions().stream().map(r -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("code", r.code());
            m.put("name", r.name());
            m.put("page", "/live/" + r.code());
            m.put("figures", "/live/" + r.code() + JSON_SUFFIX);
            return m;
        }).toList();
        json(res, Map.of("regions", list));
    }

    private void region(ServerRequest req, ServerResponse res) {
        String name = req.path().pathParameters().get("region");
        boolean asJson = name.endsWith(JSON_SUFFIX);
        String code = asJson ? name.substring(0, name.length() - JSON_SUFFIX.length()) : name;
        LiveFigures figures = board.figures(code)
                .orElseThrow(() -> ClientErrorException.notFound("no such region: " + code + " (GET /live lists them)"));
        if (asJson) {
            json(res, figures);
        } else {
            html(res, LivePage.board(figures, zone));
        }
    }

    private void asset(ServerRequest req, ServerResponse res) {
        String file = req.path().pathParameters().get("file");
        Asset a = assets.get(file);
        if (a == null) {
            throw ClientErrorException.notFound("no such file: " + file);
        }
        res.header(HeaderNames.CONTENT_TYPE, a.type());
        res.header(HeaderNames.CACHE_CONTROL, "public, max-age=300");
        res.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
        res.send(a.body());
    }

    private static boolean wantsHtml(ServerRequest req) {
        return req.headers().first(HeaderNames.ACCEPT).orElse("").contains("text/html");
    }

    private static void html(ServerResponse res, String page) {
        res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");
        res.header("Content-Security-Policy", CSP);
        res.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
        res.header("Referrer-Policy", "no-referrer");
        res.header(HeaderNames.CACHE_CONTROL, "no-cache");
        res.send(page);
    }

    /** Public figures: any site may read them (CORS), and a cache may keep them as long as they are fresh. */
    private static void json(ServerResponse res, Object body) {
        try {
            res.header(HeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
            res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
            res.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
            res.header(HeaderNames.CACHE_CONTROL, "public, max-age=" + FRESH_FOR.toSeconds());
            res.send(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the board's JSON", e);
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = LiveService.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Asset(String type, byte[] body) {
    }
}
