package id.kanal.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import id.kanal.dialog.port.ComplaintStatus;
import id.kanal.services.open311.Open311Forwarder;
import id.kanal.store.Statements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Open311 per region: the default region forwards to {@code KANAL_OPEN311_ENDPOINT}, the Kabupaten
 * to the desk its own file names (its key from the variable the file names), each fake desk on
 * loopback receiving only its region's complaints; and the GeoReport server's {@code jurisdiction_id}
 * selecting a region's services and requests.
 */
class RegionsOpen311Test {
    private static final String RESIDENT = RegionsEndToEndTest.RESIDENT;
    private static final String KAB = RegionsEndToEndTest.KAB_REGION;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;
    @TempDir
    Path regionsDir;
    private FakeDesk kotaDesk;
    private FakeDesk kabDesk;
    private KanalHarness kanal;
    private final AtomicInteger sids = new AtomicInteger();

    /** A fake external Open311 desk: records each POST, files it under its own id, reports it closed when asked. */
    static final class FakeDesk implements AutoCloseable {
        final List<String> posts = Collections.synchronizedList(new ArrayList<>());
        final List<String> polls = Collections.synchronizedList(new ArrayList<>());
        private final HttpServer server;

        FakeDesk(String idPrefix) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/v2/requests", ex -> {
                String answer;
                if ("POST".equals(ex.getRequestMethod())) {
                    posts.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                    answer = "[{\"service_request_id\":\"" + idPrefix + posts.size() + "\"}]";
                } else {
                    polls.add(ex.getRequestURI().toString());
                    answer = "[{\"service_request_id\":\"" + idPrefix + "1\",\"status\":\"closed\","
                            + "\"status_notes\":\"Selesai oleh " + idPrefix + "\"}]";
                }
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(200, bytes.length);
                ex.getResponseBody().write(bytes);
                ex.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/v2/";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @BeforeEach
    void start() throws Exception {
        kotaDesk = new FakeDesk("kota-");
        kabDesk = new FakeDesk("kab-");
        writeKabupaten("""
                open311:
                  endpoint: %s
                  api-key-env: KANAL_TEST_KAB_OPEN311_KEY
                  jurisdiction: kabupaten-tangerang.go.id
                  poll-interval: PT10M
                """.formatted(kabDesk.url()));
        kanal = new KanalHarness(dataDir, Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC), env(Map.of()));
    }

    /** The test region's file with {@code more} appended, dropped into the regions directory. */
    private void writeKabupaten(String more) throws IOException {
        try (var in = RegionsOpen311Test.class.getResourceAsStream("/regions/kabupaten-tangerang.yaml")) {
            Files.writeString(regionsDir.resolve("kabupaten-tangerang.yaml"),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8) + "\n" + more);
        }
    }

    private Map<String, String> env(Map<String, String> more) {
        Map<String, String> env = new HashMap<>(Map.of(
                "KANAL_REGIONS_DIR", regionsDir.toString(),
                "KANAL_OPEN311_ENDPOINT", kotaDesk.url(),
                "KANAL_OPEN311_CLIENT_API_KEY", "kota-key",
                "KANAL_TEST_KAB_OPEN311_KEY", "kab-key",
                "KANAL_OPEN311_API_KEY", "inbound-key"));
        env.putAll(more);
        return env;
    }

    @AfterEach
    void stop() {
        if (kanal != null) {
            kanal.close();
        }
        kotaDesk.close();
        kabDesk.close();
    }

    private String say(String to, String text) throws Exception {
        return RegionsEndToEndTest.say(kanal, "SM" + sids.incrementAndGet(), to, text);
    }

    private String fileComplaint(String to, String category, Pattern ticket) throws Exception {
        say(to, "lapor " + category);
        say(to, "Jl. Raya 5");
        say(to, "Sampah tidak diangkut seminggu");
        Matcher m = ticket.matcher(say(to, "ya"));
        assertTrue(m.find());
        return m.group();
    }

    /** Waits for what a forwarder's background round may be doing at the same moment (never a fixed sleep). */
    private static void await(BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within 10 s: " + what);
            Thread.sleep(10);
        }
    }

    @Test
    void eachRegionsComplaints_goToItsOwnDesk_withItsKey_andComeBackClosed() throws Exception {
        String tng = fileComplaint(RegionsEndToEndTest.KOTA_NUMBER, "sampah", Pattern.compile("TNG-\\d{6}"));
        String kab = fileComplaint(RegionsEndToEndTest.KAB_NUMBER, "sampah", Pattern.compile("KAB-\\d{6}"));
        Map<String, Open311Forwarder> forwarders = kanal.kanal().open311Forwarders();
        assertEquals(List.of("kota-tangerang", KAB), List.copyOf(forwarders.keySet()));

        forwarders.values().forEach(Open311Forwarder::forwardOnce);
        await(() -> kotaDesk.posts.size() == 1 && kabDesk.posts.size() == 1, "one POST at each desk");
        assertTrue(kotaDesk.posts.getFirst().contains("api_key=kota-key"), kotaDesk.posts.getFirst());
        assertTrue(kotaDesk.posts.getFirst().contains("service_code=sampah&"), kotaDesk.posts.getFirst());
        assertTrue(kabDesk.posts.getFirst().contains("api_key=kab-key"), kabDesk.posts.getFirst());
        assertTrue(kabDesk.posts.getFirst().contains("service_code=kab-sampah"), kabDesk.posts.getFirst());
        assertTrue(kabDesk.posts.getFirst().contains("jurisdiction_id=kabupaten-tangerang.go.id"), kabDesk.posts.getFirst());
        await(() -> externalId(kab).equals(Optional.of("kab-1")) && externalId(tng).equals(Optional.of("kota-1")),
                "both recorded as forwarded");

        // Each desk is asked about its own request only, and its closing reaches that region's resident.
        forwarders.get(KAB).pollOnce();
        assertTrue(kabDesk.polls.stream().allMatch(p -> p.contains("kab-1")), kabDesk.polls.toString());
        assertEquals(ComplaintStatus.RESOLVED, kanal.kanal().complaintsOf(KAB).orElseThrow().find(kab).orElseThrow()
                .status());
        assertEquals(ComplaintStatus.ASSIGNED, kanal.kanal().complaints().find(tng).orElseThrow().status());
        List<String> told = kanal.kanal().database().read(c -> Statements.list(c, "SELECT address, body FROM outbox "
                + "WHERE body LIKE ?", rs -> rs.getString(1) + "|" + rs.getString(2), "%" + kab + "%selesai%"));
        assertEquals(1, told.size(), told.toString());
        assertTrue(told.getFirst().startsWith(RESIDENT + "@" + KAB + "|"), told.getFirst());
        assertTrue(told.getFirst().contains("Selesai oleh kab-"), told.getFirst());
    }

    private Optional<String> externalId(String ticket) {
        return kanal.kanal().database().read(c -> Statements.first(c, "SELECT external_id FROM complaint WHERE ticket = ? "
                + "AND forward_state = 'SENT'", rs -> rs.getString(1), ticket));
    }

    @Test
    void regionFile_namesAVariableThatIsUnset_orHoldsAKey_refusedAtStart() throws Exception {
        kanal.close();
        kanal = null;
        Map<String, String> unset = env(Map.of());
        unset.remove("KANAL_TEST_KAB_OPEN311_KEY");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Kanal.open(KanalHarness.settings(dataDir, unset), Clock.systemUTC()).close());
        assertTrue(e.getMessage().contains("open311.api-key-env names KANAL_TEST_KAB_OPEN311_KEY, which is not set"),
                e.getMessage());

        writeKabupaten("open311:\n  endpoint: " + kabDesk.url() + "\n  api-key: secret-in-a-file\n");
        e = assertThrows(IllegalArgumentException.class, () -> RegionFiles.loadAll(Optional.empty(),
                Optional.of(regionsDir)));
        assertTrue(e.getMessage().contains("a region file holds no secret"), e.getMessage());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return kanal.get("/open311/v2" + path);
    }

    private HttpResponse<String> post(Map<String, String> form) throws Exception {
        return kanal.formPost("/open311/v2/requests.json", form);
    }

    private static Map<String, String> request(String jurisdiction, String serviceCode) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", "inbound-key");
        if (jurisdiction != null) {
            form.put("jurisdiction_id", jurisdiction);
        }
        form.put("service_code", serviceCode);
        form.put("address_string", "Jl. Raya Serang km 20");
        form.put("description", "Jalan berlubang");
        return form;
    }

    private static List<String> field(HttpResponse<String> res, String name) throws Exception {
        assertEquals(200, res.statusCode(), res.body());
        List<String> out = new ArrayList<>();
        for (JsonNode n : JSON.readTree(res.body())) {
            out.add(n.get(name).asText());
        }
        return out;
    }

    @Test
    void geoReportServer_jurisdictionIdSelectsTheRegion() throws Exception {
        assertEquals(List.of("kab-jalan", "kab-sampah"), field(get("/services.json?jurisdiction_id=" + KAB),
                "service_code"));
        assertTrue(field(get("/services.json"), "service_code").contains("jalan-rusak"));
        assertEquals(404, get("/services.json?jurisdiction_id=atlantis").statusCode());
        assertEquals(200, get("/services/kab-jalan.json?jurisdiction_id=" + KAB).statusCode());
        assertEquals(404, get("/services/jalan-rusak.json?jurisdiction_id=" + KAB).statusCode());

        HttpResponse<String> kab = post(request(KAB, "kab-jalan"));
        assertEquals(201, kab.statusCode(), kab.body());
        assertTrue(kab.body().contains("\"service_request_id\":\"KAB-000001\""), kab.body());
        assertTrue(kab.body().contains("Routed to Dinas PUPR Kabupaten Tangerang."), kab.body());
        HttpResponse<String> kota = post(request(null, "jalan-rusak"));
        assertEquals(201, kota.statusCode(), kota.body());
        assertTrue(kota.body().contains("\"service_request_id\":\"TNG-000001\""), kota.body());
        // A service of another region is not this jurisdiction's.
        assertEquals(404, post(request(KAB, "jalan-rusak")).statusCode());

        assertEquals(List.of("KAB-000001"), field(get("/requests.json?jurisdiction_id=" + KAB), "service_request_id"));
        assertEquals(List.of("TNG-000001"), field(get("/requests.json"), "service_request_id"));
        assertEquals(List.of(), field(get("/requests.json?jurisdiction_id=" + KAB + "&service_request_id=TNG-000001"),
                "service_request_id"));
        assertEquals(List.of("KAB-000001"), field(get("/requests/KAB-000001.json?jurisdiction_id=" + KAB),
                "service_request_id"));
        assertEquals(404, get("/requests/TNG-000001.json?jurisdiction_id=" + KAB).statusCode());
        assertEquals(404, get("/requests/KAB-000001.json").statusCode());
    }
}
