package id.kanal.app.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kanal.app.Kanal;
import id.kanal.channels.web.ClientErrorException;
import id.kanal.services.live.LiveBoard;
import id.kanal.services.live.LiveFigures;
import id.kanal.services.live.SqlLiveBoard;
import id.kanal.app.web.ErrorMapping;
import id.kanal.app.web.Json;
import id.kanal.app.web.RequestId;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /live} (the regions: a page for browsers, JSON otherwise), {@code GET /live/{region}}
 * (the board's page), {@code GET /live/{region}.json} (its figures) and
 * {@code GET /live/{region}/events} (server-sent events: the figures' JSON as event {@code board}
 * at once and whenever they change, a heartbeat comment in between so proxies keep it open), open
 * to anyone: the figures hold no personal data. An unknown region is a 404 in the one JSON error
 * shape; a node already keeping {@code kanal.live.max-streams} streams answers 503 (the page then polls).
 */
public final class LiveService implements HttpService {
    /** How long one computation of a region's figures serves every screen polling it. */
    static final Duration FRESH_FOR = Duration.ofSeconds(10);
    private static final System.Logger LOG = System.getLogger(LiveService.class.getName());
    private static final String JSON_SUFFIX = ".json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self'; base-uri 'none'; form-action 'none'";

    /** The stream's path below {@code /live/{region}}. */
    static final String EVENTS = "/events";
    /** How often the streams' feeder looks at the watched boards (a cache hit but every 10 s). */
    static final Duration TICK = Duration.ofSeconds(2);

    private final LiveBoard board;
    private final ZoneId zone;
    private final LiveStreams streams;
    private final Duration heartbeat;
    private final Map<String, Asset> assets = Map.of(
            "live.js", new Asset("text/javascript; charset=utf-8", resource("live/live.js")),
            "live.css", new Asset("text/css; charset=utf-8", resource("live/live.css")));

    LiveService(LiveBoard board, ZoneId zone, int maxStreams, Duration tick, Duration heartbeat) {
        this.board = board;
        this.zone = zone;
        this.streams = new LiveStreams(board, LiveService::write, maxStreams, tick);
        this.heartbeat = heartbeat;
    }

    /** The boards of the deployment's regions (the default one and each of the regions directory). */
    public static LiveService create(Kanal kanal) {
        return new LiveService(new SqlLiveBoard(kanal.database(), kanal.clock(), kanal.regions().definitions(), FRESH_FOR),
                kanal.settings().dialog().zone(), kanal.settings().server().liveMaxStreams(), TICK,
                kanal.settings().server().liveHeartbeat());
    }

    /** Whether a request path is a board's event stream (never waited for by a shutdown: it does not end by itself). */
    public static boolean isEventStream(String path) {
        return path.startsWith("/live/") && path.endsWith(EVENTS);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::regions)
                .get("/assets/{file}", this::asset)
                .get("/{region}" + EVENTS, this::events)
                .get("/{region}", this::region);
    }

    /** The node stops: every stream ends now (a wall screen's EventSource reconnects to another node). */
    @Override
    public void afterStop() {
        streams.close();
    }

    private void events(ServerRequest req, ServerResponse res) {
        String code = req.path().pathParameters().get("region");
        LiveFigures first = figures(code);
        Optional<LiveStreams.Stream> opened = streams.open(code);
        if (opened.isEmpty()) {
            res.header(HeaderNames.RETRY_AFTER, String.valueOf(FRESH_FOR.toSeconds() * 3));
            Json.send(res, Status.SERVICE_UNAVAILABLE_503, ErrorMapping.body("this server keeps as many live boards open "
                    + "as it may; read /live/" + code + JSON_SUFFIX + " every 30 seconds instead", RequestId.of(req)));
            return;
        }
        res.header(HeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        res.header(HeaderNames.CACHE_CONTROL, "no-cache");
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        res.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
        // nginx buffers proxied responses unless told not to; a buffered stream shows nothing.
        res.header("X-Accel-Buffering", "no");
        try (LiveStreams.Stream stream = opened.get(); OutputStream out = res.outputStream()) {
            send(out, "retry: 10000\n" + board(write(first)));
            while (true) {
                Optional<String> next = stream.next(heartbeat);
                send(out, next.map(LiveService::board).orElse(": heartbeat\n\n"));
            }
        } catch (LiveStreams.StreamEndedException e) {
            LOG.log(System.Logger.Level.DEBUG, "live board stream ended: the server stops");
        } catch (IOException | UncheckedIOException e) {
            LOG.log(System.Logger.Level.DEBUG, "live board stream closed by the screen");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One {@code board} event: the figures' JSON is one line (Jackson writes none inside), so one data line. */
    private static String board(String json) {
        return "event: board\ndata: " + json + "\n\n";
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
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
        LiveFigures figures = figures(code);
        if (asJson) {
            json(res, figures);
        } else {
            html(res, LivePage.board(figures, zone));
        }
    }

    /** The region's figures now; 404 for a region this deployment does not serve. */
    private LiveFigures figures(String code) {
        return board.figures(code)
                .orElseThrow(() -> ClientErrorException.notFound("no such region: " + code + " (GET /live lists them)"));
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
        res.header(HeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        res.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
        res.header(HeaderNames.CACHE_CONTROL, "public, max-age=" + FRESH_FOR.toSeconds());
        res.send(write(body));
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
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
