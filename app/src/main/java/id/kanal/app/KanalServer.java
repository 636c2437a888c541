package id.kanal.app;

import id.kanal.app.complaints.ComplaintsApiService;
import id.kanal.app.open311.Open311Service;
import id.kanal.app.console.ConsoleApi;
import id.kanal.app.console.ConsolePages;
import id.kanal.services.open311.Open311Forwarder;
import id.kanal.app.admin.AdminPricesService;
import id.kanal.app.web.ErrorMapping;
import id.kanal.app.web.HelidonMappers;
import id.kanal.channels.web.ClientAddress;
import id.kanal.app.web.MetricsAccess;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.health.HealthObserverConfig;
import io.helidon.webserver.observe.metrics.MetricsObserver;

import java.util.Map;

/** Kanal's HTTP server: the routing (shared with tests) and its start and stop. */
public final class KanalServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(KanalServer.class.getName());

    /** The largest request body the server reads (a bigger one is refused with 413), e.g. a price CSV. */
    public static final int MAX_PAYLOAD_BYTES = 1024 * 1024;

    /** The name of the Open311 forwarder among the node's exclusive jobs. */
    static final String OPEN311_JOB = "open311-forwarder";

    private final Kanal kanal;
    private final WebServer server;
    private final InFlightRequests inFlight;

    private KanalServer(Kanal kanal, WebServer server, InFlightRequests inFlight) {
        this.kanal = kanal;
        this.server = server;
        this.inFlight = inFlight;
    }

    /** Starts the server on the settings' port (0: any free port). */
    public static KanalServer start(Kanal kanal) {
        HelidonMappers.install();
        InFlightRequests inFlight = new InFlightRequests(
                path -> path.equals(ConsoleApi.EVENTS_PATH) || id.kanal.app.live.LiveService.isEventStream(path));
        WebServer server = WebServer.builder()
                .port(kanal.settings().server().port())
                // Kanal stops the server itself, then closes the database: one ordered shutdown.
                .shutdownHook(false)
                .shutdownGracePeriod(kanal.settings().server().shutdownGracePeriod())
                .maxPayloadSize(MAX_PAYLOAD_BYTES)
                .addFeature(observe(kanal))
                .routing(r -> routing(r.addFilter(inFlight), kanal))
                .build()
                .start();
        LOG.log(System.Logger.Level.INFO, "Kanal listening on port {0}", String.valueOf(server.port()));
        // One poller of each region's desk for all nodes: it runs where its lease is (at once on SQLite).
        kanal.open311Forwarders().forEach((region, f) -> kanal.jobs().register(open311Job(kanal, region), f::start,
                f::close));
        kanal.photoFetcher().start();
        id.kanal.services.complaints.PhotoRetention.schedule(kanal.jobs(), kanal.database(), kanal.clock(),
                kanal.settings().complaints().photoRetentionDays());
        UssdSessionPruning.schedule(kanal.jobs(), kanal.ussdSessions(), kanal.clock());
        return new KanalServer(kanal, server, inFlight);
    }

    /** The lease of a region's forwarder: the default region's keeps the name it had before regions. */
    static String open311Job(Kanal kanal, String region) {
        return region.equals(kanal.region().code()) ? OPEN311_JOB : OPEN311_JOB + ":" + region;
    }

    /** Every route: one line per service. */
    static void routing(HttpRouting.Builder routing, Kanal kanal) {
        // Who is calling, worked out once: the USSD allow-list and the console's login throttle read it.
        routing.addFilter(ClientAddress.trusting(kanal.settings().server().trustedProxies()).filter());
        routing.addFilter(new MetricsAccess(kanal.settings().server().metricsToken()));
        kanal.channels().routing(routing);
        routing.register("/open311/v2", Open311Service.create(kanal));
        routing.register("/api/complaints", ComplaintsApiService.create(kanal));
        routing.register("/api/admin", AdminPricesService.create(kanal));
        routing.register("/console", ConsolePages.create());
        routing.register("/live", id.kanal.app.live.LiveService.create(kanal));
        routing.register(ConsoleApi.ROOT, ConsoleApi.create(kanal));
        ErrorMapping.register(routing, Map.of(ConsoleApi.ROOT, ConsoleApi::securityHeaders));
    }

    private static ObserveFeature observe(Kanal kanal) {
        HealthObserverConfig.Builder health = HealthObserver.builder()
                .details(true)
                .addCheck(() -> HealthCheckResponse.builder()
                        .status(kanal.database().ping())
                        .detail("dialect", kanal.database().dialect().name())
                        .build(), HealthCheckType.READINESS, "database");
        kanal.channels().healthChecks(health);
        return ObserveFeature.builder()
                .addObserver(health.build())
                .addObserver(MetricsObserver.create())
                .build();
    }

    public int port() {
        return server.port();
    }

    /**
     * Refuses new requests, lets the ones in flight finish (up to the grace period), then stops.
     * The database stays open: the caller closes it after this returns.
     */
    @Override
    public void close() {
        kanal.open311Forwarders().values().forEach(Open311Forwarder::close);
        kanal.photoFetcher().close();
        inFlight.drain(kanal.settings().server().shutdownGracePeriod());
        server.stop();
        LOG.log(System.Logger.Level.INFO, "server stopped");
    }

    InFlightRequests inFlight() {
        return inFlight;
    }

    Kanal kanal() {
        return kanal;
    }
}
