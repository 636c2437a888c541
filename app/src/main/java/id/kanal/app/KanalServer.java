package id.kanal.app;

import id.kanal.app.complaints.ComplaintsApiService;
import id.kanal.app.open311.Open311Service;
import id.kanal.app.console.ConsoleApi;
import id.kanal.app.console.ConsolePages;
import id.kanal.channels.twilio.TwilioConfig;
import id.kanal.channels.twilio.TwilioMessagingService;
import id.kanal.channels.twilio.TwilioStatusService;
import id.kanal.services.open311.Open311Forwarder;
import id.kanal.app.admin.AdminPricesService;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;

import java.time.Duration;
import java.util.Set;

/** Kanal's HTTP server: the routing (shared with tests) and its start and stop. */
public final class KanalServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(KanalServer.class.getName());

    /** How long a shutdown waits for the requests in flight (Twilio itself gives up after 15 s). */
    private static final Duration GRACE = Duration.ofSeconds(10);
    /** The largest request body the server reads (a bigger one is refused with 413), e.g. a price CSV. */
    public static final int MAX_PAYLOAD_BYTES = 1024 * 1024;

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
        InFlightRequests inFlight = new InFlightRequests(Set.of(ConsoleApi.EVENTS_PATH));
        WebServer server = WebServer.builder()
                .port(kanal.settings().port())
                // Kanal stops the server itself, then closes the database: one ordered shutdown.
                .shutdownHook(false)
                .shutdownGracePeriod(GRACE)
                .maxPayloadSize(MAX_PAYLOAD_BYTES)
                .addFeature(observe(kanal))
                .routing(r -> routing(r.addFilter(inFlight), kanal))
                .build()
                .start();
        LOG.log(System.Logger.Level.INFO, "Kanal listening on port {0}", String.valueOf(server.port()));
        kanal.open311Forwarder().ifPresent(Open311Forwarder::start);
        kanal.channels().smpp().start();
        return new KanalServer(kanal, server, inFlight);
    }

    /** Every route: one line per service. */
    static void routing(HttpRouting.Builder routing, Kanal kanal) {
        TwilioConfig twilio = new TwilioConfig(kanal.settings().twilioAuthToken(), kanal.settings().publicUrl());
        routing.register("/channels", new TwilioMessagingService(twilio, kanal.engine(), kanal.residents(), kanal.clock()));
        routing.register("/channels", new TwilioStatusService(twilio, kanal.outboxQueue(), kanal.residents(), kanal.clock()));
        routing.register("/open311/v2", Open311Service.create(kanal));
        routing.register("/api/complaints", ComplaintsApiService.create(kanal));
        routing.register("/api/admin", AdminPricesService.create(kanal));
        routing.register("/channels", kanal.channels().telegram());
        routing.register("/channels", kanal.channels().ussd());
        routing.register("/console", ConsolePages.create());
        routing.register(ConsoleApi.ROOT, ConsoleApi.create(kanal));
    }

    private static ObserveFeature observe(Kanal kanal) {
        return ObserveFeature.builder()
                .addObserver(HealthObserver.builder()
                        .details(true)
                        .addCheck(() -> HealthCheckResponse.builder()
                                .status(kanal.database().ping())
                                .detail("dialect", kanal.database().dialect().name())
                                .build(), HealthCheckType.READINESS, "database")
                        .addCheck(kanal.channels()::smppHealth, HealthCheckType.READINESS, "smpp")
                        .build())
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
        kanal.open311Forwarder().ifPresent(Open311Forwarder::close);
        inFlight.drain(GRACE);
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
