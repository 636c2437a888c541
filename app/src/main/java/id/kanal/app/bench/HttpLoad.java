package id.kanal.app.bench;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * A closed-loop HTTP/1.1 load generator: each connection is one kept-alive socket that sends a
 * request, reads the whole answer and sends the next, like wrk, and like wrk a few threads with a
 * selector each drive all the connections ({@link LoadLoop}). Raw sockets rather than
 * {@code java.net.http} so the generator spends little CPU of the two cores it shares with the
 * server under test.
 */
final class HttpLoad {
    /** wrk's default; the generator shares the machine's two cores with the server under test. */
    static final int THREADS = 2;

    /** Builds the raw bytes of request number {@code n} of connection {@code connection}. */
    @FunctionalInterface
    interface Requests {
        byte[] request(int connection, long n);

        /** Which kind of request it is (0, 1, ...), for latencies by kind; one kind unless told. */
        default int kind(int connection, long n) {
            return 0;
        }
    }

    private HttpLoad() {
    }

    /** When the warm-up may end, and what to do when measuring starts. */
    interface Phases {
        /** Polled once a second once the minimum warm-up is over: whether the server is warm. */
        boolean warm();

        /** Called as the measured part starts. */
        void measuring();
    }

    /**
     * Runs {@code connections} connections for a warm-up, at least {@code warmup.min()}, then until {@code phases}
     * says the server is warm or {@code warmup.max()} passed, then for {@code length}; latencies are kept
     * for the measured part only. The connections are shared among {@link #THREADS} threads, each with a selector.
     */
    static LoadResult run(int port, int connections, Warmup warmup, Duration length, Requests requests,
                          Phases phases) throws InterruptedException {
        long start = System.nanoTime();
        // Set once the warm-up ends; until then every connection runs and nothing is kept.
        AtomicLong measureFrom = new AtomicLong(Long.MAX_VALUE);
        AtomicLong end = new AtomicLong(Long.MAX_VALUE);
        AtomicLong errors = new AtomicLong();
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", port);
        List<LoadLoop> loops = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        int threadCount = Math.min(THREADS, connections);
        for (int t = 0; t < threadCount; t++) {
            int first = t;
            int[] ids = IntStream.range(0, connections).filter(c -> c % threadCount == first).toArray();
            LoadLoop loop = new LoadLoop(server, ids, requests, measureFrom, end, errors);
            loops.add(loop);
            threads.add(Thread.ofPlatform().daemon().name("load-" + t).start(loop));
        }
        // The clock of a benchmark, not a test: warm for the minimum, then poll the server once a second.
        Thread.sleep(warmup.min());
        while (System.nanoTime() - start < warmup.max().toNanos() && !phases.warm()) {
            Thread.sleep(Duration.ofSeconds(1));
        }
        long from = System.nanoTime();
        measureFrom.set(from);
        end.set(from + length.toNanos());
        phases.measuring();
        for (Thread t : threads) {
            t.join();
        }
        List<LoadLoop.Connection> all = loops.stream().flatMap(l -> l.connections().stream()).toList();
        long[] latencies = new long[all.stream().mapToInt(c -> c.count).sum()];
        int at = 0;
        for (LoadLoop.Connection c : all) {
            System.arraycopy(c.latencies, 0, latencies, at, c.count);
            at += c.count;
        }
        Arrays.sort(latencies);
        return new LoadResult(latencies, byKind(all), length, Duration.ofNanos(from - start), errors.get());
    }

    /** The measured latencies of each kind, ascending, by kind. */
    private static List<long[]> byKind(List<LoadLoop.Connection> connections) {
        List<List<Long>> lists = new ArrayList<>();
        for (LoadLoop.Connection c : connections) {
            for (int i = 0; i < c.count; i++) {
                int kind = c.kinds[i];
                while (lists.size() <= kind) {
                    lists.add(new ArrayList<>());
                }
                lists.get(kind).add(c.latencies[i]);
            }
        }
        return lists.stream().map(l -> l.stream().mapToLong(Long::longValue).sorted().toArray()).toList();
    }

    /** A POST with a form body, as raw bytes. */
    static byte[] formPost(String path, String body, String... headers) {
        StringBuilder sb = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\nHost: localhost\r\n")
                .append("Content-Type: application/x-www-form-urlencoded\r\n");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            sb.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        byte[] payload = body.getBytes(StandardCharsets.UTF_8);
        sb.append("Content-Length: ").append(payload.length).append("\r\n\r\n");
        byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(head, head.length + payload.length);
        System.arraycopy(payload, 0, all, head.length, payload.length);
        return all;
    }
}
