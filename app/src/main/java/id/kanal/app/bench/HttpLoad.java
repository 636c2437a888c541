package id.kanal.app.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP/1.1 load generator: each connection is one kept-alive socket that sends a
 * request, reads the whole answer and sends the next, like wrk. Raw sockets rather than
 * {@code java.net.http} so the generator spends little CPU of the two cores it shares with the
 * server under test.
 */
final class HttpLoad {
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
     * Runs {@code connections} loops for a warm-up, at least {@code warmup.min()}, then until {@code phases}
     * says the server is warm or {@code warmup.max()} passed, then for {@code length}; latencies are kept
     * for the measured part only.
     */
    static LoadResult run(int port, int connections, Warmup warmup, Duration length, Requests requests,
                          Phases phases) throws InterruptedException {
        long start = System.nanoTime();
        // Set once the warm-up ends; until then every loop runs and nothing is kept.
        AtomicLong measureFrom = new AtomicLong(Long.MAX_VALUE);
        AtomicLong end = new AtomicLong(Long.MAX_VALUE);
        AtomicLong errors = new AtomicLong();
        List<long[]> perConnection = new ArrayList<>();
        List<int[]> kindsPerConnection = new ArrayList<>();
        int[] counts = new int[connections];
        CountDownLatch done = new CountDownLatch(connections);
        for (int c = 0; c < connections; c++) {
            long[] latencies = new long[1 << 20];
            int[] kinds = new int[latencies.length];
            perConnection.add(latencies);
            kindsPerConnection.add(kinds);
            int connection = c;
            Thread.ofPlatform().daemon().start(() -> {
                int count = 0;
                try (Socket socket = new Socket()) {
                    socket.setTcpNoDelay(true);
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                    socket.setSoTimeout(30_000);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = new BufferedInputStream(socket.getInputStream(), 16_384);
                    for (long n = 0; System.nanoTime() < end.get(); n++) {
                        byte[] request = requests.request(connection, n);
                        long t0 = System.nanoTime();
                        out.write(request);
                        out.flush();
                        int status = readResponse(in);
                        long t1 = System.nanoTime();
                        if (status != 200) {
                            errors.incrementAndGet();
                        }
                        if (t0 >= measureFrom.get() && count < latencies.length) {
                            kinds[count] = requests.kind(connection, n);
                            latencies[count++] = t1 - t0;
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    errors.incrementAndGet();
                } finally {
                    counts[connection] = count;
                    done.countDown();
                }
            });
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
        done.await();
        long[] all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int c = 0; c < connections; c++) {
            System.arraycopy(perConnection.get(c), 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        return new LoadResult(all, byKind(perConnection, kindsPerConnection, counts), length,
                Duration.ofNanos(from - start), errors.get());
    }

    /** The measured latencies of each kind, ascending, by kind. */
    private static List<long[]> byKind(List<long[]> latencies, List<int[]> kinds, int[] counts) {
        List<List<Long>> lists = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            for (int i = 0; i < counts[c]; i++) {
                int kind = kinds.get(c)[i];
                while (lists.size() <= kind) {
                    lists.add(new ArrayList<>());
                }
                lists.get(kind).add(latencies.get(c)[i]);
            }
        }
        return lists.stream().map(l -> l.stream().mapToLong(Long::longValue).sorted().toArray()).toList();
    }

    /** Reads one response (Content-Length or chunked) and returns its status code. */
    static int readResponse(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine.isEmpty()) {
            throw new IOException("connection closed");
        }
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        long length = 0;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(header.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line(in).strip(), 16); size > 0; size = Long.parseLong(line(in).strip(), 16)) {
                skip(in, size);
                line(in);
            }
            line(in);
        } else {
            skip(in, length);
        }
        return status;
    }

    private static void skip(InputStream in, long n) throws IOException {
        in.skipNBytes(n);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                int len = sb.length();
                return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
            }
            sb.append((char) b);
        }
        return sb.toString();
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
