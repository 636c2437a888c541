package id.kanal.app;

import id.kanal.channels.ChannelContext;
import id.kanal.channels.ChannelHealth;
import id.kanal.channels.ChannelType;
import id.kanal.channels.KanalChannel;
import id.kanal.channels.outbox.ChannelSender;
import id.kanal.channels.outbox.RateLimit;
import id.kanal.channels.outbox.SendResult;
import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.InboundMessage;
import id.kanal.dialog.port.OutboundMessage;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.http.HttpRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The channel contract holds: a channel registered like Twilio, Telegram and USSD (one more
 * {@link ChannelType} in the table) gets its routes mounted under {@code /channels}, its sender
 * used by the outbox, its health shown under {@code /observe/health}, and is started and closed
 * with Kanal; a channel its settings leave off is not made and has no routes.
 */
class ChannelContractTest {
    private static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");

    @TempDir
    Path dataDir;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<ProbeChannel> made = new CopyOnWriteArrayList<>();
    private final List<String> offLogged = new CopyOnWriteArrayList<>();
    private Kanal kanal;
    private KanalServer server;

    /** A test-only provider: on when {@code kanal.<name>.enabled} is true; it sends SMS, so Twilio's sending stays off. */
    private record ProbeSettings(boolean enabled) {
    }

    private final class ProbeChannel implements KanalChannel {
        private final String name;
        private final ChannelContext context;
        final List<String> sent = new CopyOnWriteArrayList<>();
        final AtomicReference<ChannelHealth> health = new AtomicReference<>(ChannelHealth.up(Map.of("link", "open")));
        volatile boolean started;
        volatile boolean closed;

        ProbeChannel(String name, ChannelContext context) {
            this.name = name;
            this.context = context;
        }

        @Override
        public String name() {
            return name;
        }

        /** {@code POST /channels/<name>}: the body is a message from one resident; the answer is the reply's text. */
        @Override
        public void routing(HttpRules rules) {
            rules.post("/" + name, (req, res) -> {
                InboundMessage m = InboundMessage.text(req.headers().first(io.helidon.http.HeaderNames.create("X-Id"))
                        .orElse("probe-1"), new Address(Channel.SMS, "+6281234567890"),
                        req.content().as(String.class), context.clock().instant());
                res.send(context.handler().handle(m).text());
            });
        }

        @Override
        public Optional<ChannelSender> sender() {
            return Optional.of(new ChannelSender() {
                @Override
                public Set<Channel> channels() {
                    return Set.of(Channel.SMS);
                }

                @Override
                public SendResult send(Address to, String body, Optional<String> template) {
                    sent.add(to.value() + " " + body);
                    return new SendResult.Sent("probe-" + sent.size());
                }
            });
        }

        @Override
        public ChannelHealth health() {
            return health.get();
        }

        @Override
        public void start() {
            started = true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private ChannelType<ProbeSettings> probeType(String name) {
        return ChannelType.of(name, k -> new ProbeSettings(k.get(name).get("enabled").asBoolean().orElse(false)),
                (settings, context) -> {
                    if (!settings.enabled()) {
                        offLogged.add(name + " off: set kanal." + name + ".enabled");
                        return Optional.empty();
                    }
                    ProbeChannel c = new ProbeChannel(name, context);
                    made.add(c);
                    return Optional.of(c);
                });
    }

    @BeforeEach
    void start() {
        Config files = Config.builder().disableEnvironmentVariablesSource().disableSystemPropertiesSource()
                .sources(ConfigSources.create(Map.of("kanal.probe.enabled", "true", "kanal.unplugged.enabled", "false")),
                        ConfigSources.classpath("application.yaml")).build();
        Settings settings = Settings.from(files, Map.of("KANAL_PORT", "0", "KANAL_DATA_DIR", dataDir.toString()));
        List<ChannelType<?>> types = new ArrayList<>(ChannelRegistry.ALL);
        types.add(probeType("probe"));
        types.add(probeType("unplugged"));
        kanal = Kanal.open(settings, Clock.fixed(NOW, ZoneOffset.UTC), types);
        server = KanalServer.start(kanal);
        kanal.channels().start();
    }

    @AfterEach
    void stop() {
        if (kanal != null) {
            server.close();
            kanal.close();
            kanal = null;
        }
    }

    @Test
    void registeredChannel_routesMounted_inboundRunsADialogTurn() throws Exception {
        HttpResponse<String> res = post("/channels/probe", "menu");
        assertEquals(200, res.statusCode(), res.body());
        assertFalse(res.body().isBlank(), "the dialog's menu comes back");
        // The built-in channels are mounted by the same loop.
        assertEquals(503, post("/channels/sms", "Body=halo").statusCode(), "Twilio's webhook, without an auth token");
    }

    @Test
    void registeredChannel_senderDeliversTheOutbox() {
        kanal.outboxQueue().enqueue(new OutboundMessage(new Address(Channel.SMS, "+6281234567890"), "Tiket KNL-1 selesai",
                "status", OutboundMessage.BULK, Optional.empty()), NOW);
        assertEquals(1, kanal.outbox().drainOnce());
        assertEquals(List.of("+6281234567890 Tiket KNL-1 selesai"), made.getFirst().sent);
    }

    @Test
    void registeredChannel_healthShown_downMakesTheNodeUnready() throws Exception {
        HttpResponse<String> res = get("/observe/health");
        assertEquals(200, res.statusCode(), res.body());
        assertTrue(res.body().contains("\"probe\"") && res.body().contains("\"link\":\"open\""), res.body());
        assertTrue(res.body().contains("\"twilio\"") && res.body().contains("\"ussd\""), res.body());

        made.getFirst().health.set(ChannelHealth.degraded(Map.of("link", "throttled")));
        res = get("/observe/health");
        assertEquals(200, res.statusCode(), "degraded still serves: " + res.body());
        assertTrue(res.body().contains("\"state\":\"DEGRADED\""), res.body());

        made.getFirst().health.set(ChannelHealth.down(Map.of("link", "unbound")));
        res = get("/observe/health");
        assertEquals(503, res.statusCode(), res.body());
        assertTrue(res.body().contains("\"link\":\"unbound\""), res.body());
    }

    @Test
    void registeredChannel_startedWithKanal_closedBeforeTheDatabase() {
        ProbeChannel probe = made.getFirst();
        assertTrue(probe.started);
        assertFalse(probe.closed);
        stop();
        assertTrue(probe.closed);
    }

    @Test
    void unconfiguredChannel_isOff_saysWhy_andHasNoRoutes() throws Exception {
        assertEquals(List.of("probe"), made.stream().map(ProbeChannel::name).toList());
        assertEquals(List.of("unplugged off: set kanal.unplugged.enabled"), offLogged);
        assertEquals(List.of("twilio", "telegram", "ussd", "probe"),
                kanal.channels().active().stream().map(KanalChannel::name).toList());
        assertEquals(404, post("/channels/unplugged", "menu").statusCode());
        assertFalse(get("/observe/health").body().contains("\"unplugged\""));
    }

    @Test
    void twoChannelsLimitingOneChannel_failTheStart_namingThem() {
        RateLimit limit = RateLimit.perSecond(5);
        ChannelType<Boolean> greedy = ChannelType.of("greedy", k -> true, (on, context) -> Optional.of(new KanalChannel() {
            @Override
            public String name() {
                return "greedy";
            }

            @Override
            public Map<Channel, RateLimit> limits() {
                return Map.of(Channel.SMS, limit);
            }
        }));
        Settings settings = Settings.from(Main.config(), Map.of("KANAL_PORT", "0", "KANAL_DATA_DIR",
                dataDir.resolve("greedy").toString()));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Kanal.open(settings, Clock.fixed(NOW, ZoneOffset.UTC), List.of(greedy, probeType("probe"), greedy)));
        assertTrue(e.getMessage().contains("sms") && e.getMessage().contains("greedy"), e.getMessage());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
