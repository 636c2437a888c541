package id.kanal.app;

import id.kanal.app.bench.ServerProcess;
import id.kanal.channels.telegram.FakeBotApi;
import id.kanal.store.testing.PostgresPerClass;
import id.kanal.store.testing.PostgresSchema;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three Kanal nodes in their own JVMs on one PostgreSQL ({@code KANAL_TEST_PG_URL}; skipped
 * without it), fed round-robin as a load balancer without sticky sessions would, one of them
 * killed with SIGKILL in the middle of a load of complaint filings: every answered message is in
 * the database, no complaint exists twice, the survivors keep answering, and what the dead node
 * never answered succeeds when retried on another node (as a provider retries, with the same
 * MessageSid). The killed node is the one polling Telegram, so the test also times its lease's
 * move. Prints the failover figures ({@link ClusterThroughput} measures messages per second).
 */
@Tag("fault")
@EnabledIfEnvironmentVariable(named = PostgresSchema.ENV, matches = ".+")
class ClusterFaultOnPostgresTest {
    @RegisterExtension
    static final PostgresPerClass PG = new PostgresPerClass();

    static final int RESIDENTS = 24;

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /** A node in its own JVM, its log, and whether the balancer still sends to it. */
    record Node(ServerProcess process, Path log, AtomicBoolean up) {
    }

    @Test
    void killANodeUnderLoad_losesNothingAnswered_survivorsAnswer_retriesSucceed_leaseMoves() throws Exception {
        try (FakeBotApi bot = new FakeBotApi()) {
            List<Node> nodes = startNodes(dir, PG.url(), 3, bot);
            try {
                Node poller = awaitPoller(nodes);
                Map<String, String> answered = new ConcurrentHashMap<>();
                AtomicInteger failed = new AtomicInteger();
                AtomicLong killedAt = new AtomicLong();
                AtomicLong lastFailureAt = new AtomicLong();
                AtomicLong slowestAfterKill = new AtomicLong();
                AtomicBoolean stop = new AtomicBoolean();
                AtomicInteger rr = new AtomicInteger();
                List<Thread> residents = new ArrayList<>();
                for (int r = 0; r < RESIDENTS; r++) {
                    FaultKillTest.SmsComplainant resident = new FaultKillTest.SmsComplainant(r);
                    residents.add(Thread.ofVirtual().start(() -> {
                        while (!stop.get()) {
                            FaultKillTest.Sent s = resident.next();
                            // The provider retries until some node answers: the same MessageSid every time.
                            for (int attempt = 0; ; attempt++) {
                                Node node = pick(nodes, rr);
                                long start = System.nanoTime();
                                Optional<String> reply = send(http, node, s);
                                if (reply.isPresent()) {
                                    if (killedAt.get() != 0) {
                                        slowestAfterKill.accumulateAndGet(System.nanoTime() - start, Math::max);
                                    }
                                    answered.put(s.key(), reply.get());
                                    resident.heard(reply.get());
                                    break;
                                }
                                failed.incrementAndGet();
                                lastFailureAt.set(System.nanoTime());
                                if (!node.process().isAlive()) {
                                    node.up().set(false); // the balancer's health check takes it out
                                }
                                assertTrue(attempt < 50, "no node answered " + s.key());
                            }
                        }
                    }));
                }
                awaitCount(answered, 150);
                int beforeKill = answered.size();
                killedAt.set(System.nanoTime());
                poller.process().kill();
                long leaseMovedNanos = awaitLeaseMoved(poller, nodes) - killedAt.get();
                int atKill = answered.size();
                awaitCount(answered, atKill + 150);
                stop.set(true);
                for (Thread t : residents) {
                    t.join();
                }
                int afterKill = answered.size() - beforeKill;
                assertTrue(afterKill >= 150, "the surviving nodes kept answering: " + afterKill);
                checkDatabase(answered);
                double gapMs = failed.get() == 0 ? 0 : (lastFailureAt.get() - killedAt.get()) / 1e6;
                System.out.printf("cluster fault: 3 nodes, %d SMS turns answered (%d after the SIGKILL), %d requests "
                                + "failed and were retried on a survivor (all within %.0f ms of the kill), slowest answer "
                                + "after the kill %.0f ms, Telegram polling lease moved after %.1f s; 0 lost, 0 duplicated%n",
                        answered.size(), afterKill, failed.get(), Math.max(0, gapMs), slowestAfterKill.get() / 1e6,
                        leaseMovedNanos / 1e9);
            } finally {
                for (Node n : nodes) {
                    n.process().close();
                }
            }
        }
    }

    /** Nodes in their own JVMs on the database at {@code dbUrl}, polling Telegram at {@code bot}. */
    static List<Node> startNodes(Path dir, String dbUrl, int count, FakeBotApi bot) throws Exception {
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int port = ServerProcess.freePort();
            Path log = dir.resolve("node" + i + ".log");
            Path data = Files.createDirectories(dir.resolve("node" + i));
            nodes.add(new Node(ServerProcess.start("id.kanal.app.Main", List.of("serve"), Map.of(
                    "KANAL_PORT", String.valueOf(port), "KANAL_DATA_DIR", data.toString(), "KANAL_DB_URL", dbUrl,
                    "KANAL_PUBLIC_URL", KanalHarness.PUBLIC_URL, "KANAL_TWILIO_AUTH_TOKEN", KanalHarness.TOKEN,
                    "KANAL_TELEGRAM_BOT_TOKEN", "123456:CLUSTER", "KANAL_TELEGRAM_MODE", "polling",
                    "KANAL_TELEGRAM_API_URL", bot.url().toString()), log, port), log, new AtomicBoolean(true)));
        }
        return nodes;
    }

    /** The node whose log says it started Telegram polling (its lease's holder). */
    private static Node awaitPoller(List<Node> nodes) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (Node n : nodes) {
                if (Files.readString(n.log()).contains("job started here job=telegram-polling")) {
                    return n;
                }
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        throw new AssertionError("no node started Telegram polling");
    }

    /** Waits until another node's log says it started polling; returns when (System.nanoTime). */
    private static long awaitLeaseMoved(Node dead, List<Node> nodes) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (System.nanoTime() < deadline) {
            for (Node n : nodes) {
                if (n != dead && Files.readString(n.log()).contains("job started here job=telegram-polling")) {
                    return System.nanoTime();
                }
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        throw new AssertionError("the Telegram polling lease did not move within 45 s");
    }

    static Node pick(List<Node> nodes, AtomicInteger rr) {
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(Math.floorMod(rr.getAndIncrement(), nodes.size()));
            if (n.up().get()) {
                return n;
            }
        }
        throw new AssertionError("no node up");
    }

    /** The reply's text, or empty when the node did not answer 200 (down, dying, or refusing). */
    static Optional<String> send(HttpClient http, Node node, FaultKillTest.Sent s) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + node.process().port() + s.path()))
                    .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString(s.body()));
            s.headers().forEach(b::header);
            HttpResponse<String> res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return res.statusCode() == 200 ? Optional.of(KanalHarness.replyText(res)) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty(); // the node died under this request
        }
    }

    private static void awaitCount(Map<String, String> answered, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (answered.size() < count) {
            assertTrue(System.nanoTime() < deadline, "load did not reach " + count + " answers");
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }

    private static void checkDatabase(Map<String, String> answered) throws Exception {
        try (Connection c = DriverManager.getConnection(PG.url())) {
            Set<String> turns = new HashSet<>();
            int recorded = 0;
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT provider_id FROM transcript WHERE channel = 'sms' AND provider_id IS NOT NULL")) {
                while (rs.next()) {
                    turns.add("sms:" + rs.getString(1));
                    recorded++;
                }
            }
            assertEquals(turns.size(), recorded, "a message recorded by two turns");
            Set<String> lost = new HashSet<>(answered.keySet());
            lost.removeAll(turns);
            assertEquals(Set.of(), lost, "answered turns missing from the database");
            List<String> twice = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT reporter_address, description, COUNT(*) "
                    + "FROM complaint GROUP BY reporter_address, description HAVING COUNT(*) > 1")) {
                while (rs.next()) {
                    twice.add(rs.getString(1) + " " + rs.getString(2) + " x" + rs.getInt(3));
                }
            }
            assertEquals(List.of(), twice, "complaints filed twice");
            Map<String, Integer> filed = new HashMap<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT ticket FROM complaint")) {
                while (rs.next()) {
                    filed.put(rs.getString(1), 1);
                }
            }
            assertTrue(filed.size() >= RESIDENTS / 2, "too few complaints to judge: " + filed.size());
            for (String reply : answered.values()) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("TNG-\\d{6}").matcher(reply);
                if (reply.contains("STATUS TNG-") && m.find()) {
                    assertTrue(filed.containsKey(m.group()), "answered ticket " + m.group() + " is missing");
                }
            }
        }
    }
}
