package id.kanal.app;

import id.kanal.app.ClusterFaultOnPostgresTest.Node;
import id.kanal.channels.telegram.FakeBotApi;
import id.kanal.store.testing.PostgresSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static id.kanal.app.ClusterFaultOnPostgresTest.RESIDENTS;

/**
 * A measurement, not a check (its name keeps it out of the test run): SMS turns per second with
 * one, two and three nodes in their own JVMs on one PostgreSQL, fed round-robin by
 * {@value ClusterFaultOnPostgresTest#RESIDENTS} residents asking a price in a closed loop.
 * {@code KANAL_TEST_PG_URL=... ./mvnw -pl app -am test -Dtest=ClusterThroughput -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dkanal.cluster.bench.seconds=15} per step).
 */
@Tag("bench")
class ClusterThroughput {
    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private PostgresSchema schema;

    @BeforeEach
    void schema() {
        schema = PostgresSchema.create();
    }

    @AfterEach
    void drop() {
        schema.close();
    }

    @Test
    void throughput_oneTwoThreeNodes() throws Exception {
        Duration run = Duration.ofSeconds(Integer.getInteger("kanal.cluster.bench.seconds", 15));
        try (FakeBotApi bot = new FakeBotApi()) {
            List<Node> all = ClusterFaultOnPostgresTest.startNodes(dir, schema.url(), 3, bot);
            try {
                for (int n = 1; n <= 3; n++) {
                    List<Node> nodes = all.subList(0, n);
                    load(nodes, Duration.ofSeconds(3), "warm" + n); // JIT and caches of the node just added
                    double perSecond = load(nodes, run, "run" + n);
                    System.out.printf("cluster throughput: %d node(s), %d connections, %.0f SMS turns/s%n", n, RESIDENTS,
                            perSecond);
                }
            } finally {
                for (Node n : all) {
                    n.process().close();
                }
            }
        }
    }

    /** A closed loop of price questions from {@link #RESIDENTS} residents, round-robin; answered turns per second. */
    private double load(List<Node> nodes, Duration run, String tag) throws Exception {
        AtomicInteger done = new AtomicInteger();
        AtomicInteger rr = new AtomicInteger();
        long end = System.nanoTime() + run.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int r = 0; r < RESIDENTS; r++) {
            int resident = r;
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; System.nanoTime() < end; i++) {
                    String sid = "SM" + tag + "r" + resident + "m" + i;
                    Map<String, String> form = KanalHarness.smsForm(sid, String.format("+62815%07d", resident), "hrg beras brp");
                    FaultKillTest.Sent s = new FaultKillTest.Sent("sms:" + sid, "/channels/sms", Map.of(
                            "Content-Type", "application/x-www-form-urlencoded",
                            "X-Twilio-Signature", KanalHarness.smsSignature(form)), KanalHarness.encode(form));
                    if (ClusterFaultOnPostgresTest.send(http, ClusterFaultOnPostgresTest.pick(nodes, rr), s).isPresent()) {
                        done.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        return done.get() / (run.toNanos() / 1e9);
    }

}
