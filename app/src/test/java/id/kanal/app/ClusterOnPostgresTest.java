package id.kanal.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.kanal.channels.telegram.FakeBotApi;
import id.kanal.channels.telegram.TelegramChannel;
import id.kanal.store.testing.PostgresPerClass;
import id.kanal.store.testing.PostgresSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three Kanal nodes (each its own engine, caches, console and pollers) on one PostgreSQL
 * ({@code KANAL_TEST_PG_URL}; skipped without it), with requests spread over them as a load
 * balancer without sticky sessions would: what must hold for the deployment, not per node.
 */
@EnabledIfEnvironmentVariable(named = PostgresSchema.ENV, matches = ".+")
class ClusterOnPostgresTest {
    @RegisterExtension
    static final PostgresPerClass PG = new PostgresPerClass();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_PASSWORD = "cluster-admin-password";
    /** 10:00 in Tangerang: agents are at work. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T03:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private final List<KanalHarness> nodes = new ArrayList<>();
    private FakeBotApi telegram;
    private int sid;

    @AfterEach
    void stop() {
        nodes.forEach(KanalHarness::close);
        if (telegram != null) {
            telegram.close();
        }
    }

    private void startNodes(int n, Map<String, String> more) {
        for (int i = 0; i < n; i++) {
            Map<String, String> env = new HashMap<>(Map.of(
                    "KANAL_DB_URL", PG.url(),
                    "KANAL_ADMIN_PASSWORD", ADMIN_PASSWORD,
                    "KANAL_CONSOLE_PASSWORD_MEMORY_KB", "64"));
            env.putAll(more);
            nodes.add(new KanalHarness(dir.resolve("node" + i), CLOCK, env));
        }
    }

    private String sms(int node, String from, String text) throws Exception {
        HttpResponse<String> res = nodes.get(node).sms("SMcluster" + (++sid), from, text);
        assertEquals(200, res.statusCode(), res.body());
        return res.body();
    }

    @Test
    void oneResident_eachMessageOnAnotherNode_filesOneComplaint() throws Exception {
        startNodes(3, Map.of());
        String from = "+6281230000001";
        String[] messages = {"halo", "1", "1", "Jl. Merdeka 12, RT 03/05", "Jalan berlubang besar", "ya"};
        String last = "";
        for (int i = 0; i < messages.length; i++) {
            last = sms(i % 3, from, messages[i]);
        }
        assertTrue(last.contains("TNG-000001"), last);
        assertEquals(1L, count("SELECT COUNT(*) FROM complaint"));
        // Every node sees the filed state at once (its cached conversation is checked, never trusted).
        for (int i = 0; i < 3; i++) {
            assertTrue(sms(i, from, "status TNG-000001").contains("TNG-000001"));
        }
    }

    @Test
    void oneResident_messagesAtOnceOnThreeNodes_runOneAfterAnother() throws Exception {
        startNodes(3, Map.of());
        String from = "+6281230000002";
        int messages = 12;
        ExecutorService pool = Executors.newFixedThreadPool(messages);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < messages; i++) {
                int node = i % 3;
                String id = "SMrace" + i;
                answers.add(pool.submit(() -> nodes.get(node).sms(id, from, "hrg beras brp").body()));
            }
            for (Future<String> a : answers) {
                assertTrue(a.get().contains("<Message>"), a.get());
            }
        } finally {
            pool.shutdownNow();
        }
        // One turn at a time: each turn wrote its two lines after the last one's, none lost or doubled.
        assertEquals((long) messages, count("SELECT COUNT(*) FROM transcript WHERE provider_id IS NOT NULL"));
        assertEquals((long) messages, count("SELECT COUNT(DISTINCT provider_id) FROM transcript"), "each message one turn");
        assertEquals(2L * messages, count("SELECT COUNT(DISTINCT seq) FROM transcript"));
        assertEquals(2L * messages, count("SELECT MAX(seq) FROM transcript"));
    }

    @Test
    void twoAgentsOnTwoNodes_takeTheSameConversation_exactlyOneWins_theOtherIsToldWho() throws Exception {
        startNodes(2, Map.of());
        sms(0, "+6281230000003", "petugas");
        Console budi = Console.login(nodes.get(0), "admin", ADMIN_PASSWORD);
        addAgent(nodes.get(1), "sari");
        Console sari = Console.login(nodes.get(1), "sari", "sari-password-1");
        String path = "/api/console/conversations/sms/" + URLEncoder.encode("+6281230000003", StandardCharsets.UTF_8)
                + "/take";
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<HttpResponse<String>> a = pool.submit(() -> budi.post(path, Map.of()));
            Future<HttpResponse<String>> b = pool.submit(() -> sari.post(path, Map.of()));
            List<HttpResponse<String>> both = List.of(a.get(), b.get());
            assertEquals(1, both.stream().filter(r -> r.statusCode() == 200).count(), both.toString());
            HttpResponse<String> lost = both.stream().filter(r -> r.statusCode() != 200).findFirst().orElseThrow();
            assertEquals(409, lost.statusCode());
            String winner = JSON.readTree(both.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow()
                    .body()).get("agent").asText();
            assertTrue(lost.body().contains("already taken by " + winner), lost.body());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anEventOnNodeA_reachesAConsoleStreamOnNodeB() throws Exception {
        startNodes(2, Map.of());
        Console agent = Console.login(nodes.get(1), "admin", ADMIN_PASSWORD);
        HttpResponse<InputStream> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        nodes.get(1).uri("/api/console/events")).header("Cookie", agent.cookie)
                        .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, res.statusCode());
        java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(res.body(), StandardCharsets.UTF_8))) {
                r.lines().forEach(lines::add);
            } catch (Exception closed) {
                // the test ended the stream
            }
        });
        try {
            assertEquals("event:hello", next(lines, "event:hello"));
            sms(0, "+6281230000004", "petugas");
            assertEquals("event:changed", next(lines, "event:changed"));
            assertTrue(next(lines, "data:").contains("sms/+6281230000004"));
        } finally {
            res.body().close();
            reader.interrupt();
        }
    }

    @Test
    void loginFailures_countForTheDeployment_notPerNode() throws Exception {
        startNodes(2, Map.of());
        for (int i = 0; i < 5; i++) {
            assertEquals(401, Console.tryLogin(nodes.get(i % 2), "admin", "wrong-" + i).statusCode());
        }
        // The sixth failure, on either node, must wait.
        assertEquals(429, Console.tryLogin(nodes.get(1), "admin", "wrong-5").statusCode());
        assertEquals(429, Console.tryLogin(nodes.get(0), "admin", ADMIN_PASSWORD).statusCode());
    }

    @Test
    void telegramPolling_runsOnOneNode_andMovesWhenItsHolderStops() throws Exception {
        telegram = new FakeBotApi();
        startNodes(3, Map.of("KANAL_TELEGRAM_BOT_TOKEN", "123:cluster", "KANAL_TELEGRAM_MODE", "polling",
                "KANAL_TELEGRAM_API_URL", telegram.url().toString()));
        nodes.forEach(n -> n.kanal().jobs().renewAll());
        awaitTrue(() -> pollers().size() == 1, "one poller of three");
        int holder = pollers().get(0);
        nodes.get(holder).close();
        nodes.remove(holder);
        nodes.forEach(n -> n.kanal().jobs().renewAll());
        awaitTrue(() -> pollers().size() == 1, "the lease taken over by one of the two left");
        int polled = telegram.calls("getupdates").size();
        telegram.await(calls -> calls.stream().filter(c -> c.method().equals("getupdates")).count() > polled + 1,
                Duration.ofSeconds(10));
    }

    private List<Integer> pollers() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).kanal().jobs().runsHere(TelegramChannel.POLLING_JOB)) {
                out.add(i);
            }
        }
        return out;
    }

    @Test
    void aPriceImportOnOneNode_isAnsweredFromTheOthers() throws Exception {
        startNodes(2, Map.of());
        String before = sms(1, "+6281230000005", "harga cabe rawit di pasar anyar");
        assertTrue(before.contains("Pasar Anyar"), before);
        nodes.get(0).kanal().priceImporter().importCsv(new java.io.StringReader(
                "date,market,commodity,unit,price\n2026-11-23,Pasar Anyar,Cabai Rawit,kg,123450\n"), "test", n -> { });
        awaitTrue(() -> {
            try {
                return sms(1, "+6281230000005", "harga cabe rawit di pasar anyar").contains("Rp123.450");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, "node 1 answers node 0's import");
    }

    private void addAgent(KanalHarness node, String name) throws Exception {
        Console admin = Console.login(node, "admin", ADMIN_PASSWORD);
        HttpResponse<String> res = admin.post("/api/console/accounts",
                Map.of("username", name, "role", "agent", "password", name + "-password-1"));
        assertEquals(201, res.statusCode(), res.body());
    }

    private long count(String sql) {
        return nodes.get(0).kanal().database().read(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The next line of the stream starting with {@code prefix}, within 20 s. */
    private static String next(java.util.concurrent.BlockingQueue<String> lines, String prefix) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        for (String line = lines.poll(20, java.util.concurrent.TimeUnit.SECONDS); line != null && System.nanoTime() < deadline;
             line = lines.poll(20, java.util.concurrent.TimeUnit.SECONDS)) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("no " + prefix + " on the stream within 20 s");
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 20 s: " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    /** A console client of one node: its session cookie and CSRF token. */
    private static final class Console {
        private final HttpClient http = HttpClient.newHttpClient();
        private final KanalHarness node;
        String cookie;
        String csrf;

        private Console(KanalHarness node) {
            this.node = node;
        }

        static HttpResponse<String> tryLogin(KanalHarness node, String user, String password) throws Exception {
            return new Console(node).post("/api/console/login", Map.of("username", user, "password", password));
        }

        static Console login(KanalHarness node, String user, String password) throws Exception {
            Console c = new Console(node);
            HttpResponse<String> res = c.post("/api/console/login", Map.of("username", user, "password", password));
            assertEquals(200, res.statusCode(), res.body());
            c.cookie = res.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
            c.csrf = JSON.readTree(res.body()).get("csrfToken").asText();
            return c;
        }

        HttpResponse<String> post(String path, Object body) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(node.uri(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (cookie != null) {
                b.header("Cookie", cookie).header("X-CSRF-Token", csrf);
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
