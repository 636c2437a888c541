package id.kanal.app.bench;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import id.kanal.app.CommandOptions;
import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.Conversation;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code bench [--connections 50] [--seconds 10] [--warmup 10] [--max-warmup 40] [--db URL] [--jfr FILE]}: in one run, on a
 * scratch database, the same load generator drives a bare Helidon route (the denominator) and
 * Kanal's pipelines, each server in its own JVM; prints requests/s, latency percentiles,
 * errors (the SMS target's also by message of the mix), the Kanal/bare ratio (bare: the mean of its windows
 * before and after Kanal's), server CPU per turn (and how much of it the JIT compilers used: seconds
 * after start they still compile the hot paths), heap after the run and the heap cost of
 * one cached conversation; on SQLite also the store alone, a turn's save without HTTP or dialog (the floor
 * under the CPU per turn). {@code --jfr} records the Kanal server with Java Flight Recorder
 * (method samples every 2 ms, and CPU-time samples every 1 ms of a thread's CPU on JDK 25) into
 * FILE, for {@code jfr view hot-methods FILE}, and prints where the server's CPU went in each of its measured
 * windows, by part of a turn ({@link CpuProfile}).
 */
public final class BenchCommand {
    static final String TOKEN = "bench-token";
    private static final String USSD_SECRET = "bench-secret";
    private static final String BARE = "bare Helidon route";
    /** The bare server's second window: its compilers were already quiet after its first. */
    private static final Warmup ALREADY_WARM = new Warmup(Duration.ofSeconds(3), Duration.ofSeconds(10));

    private BenchCommand() {
    }

    /** A row of the figures table, and when its measured window began and ended. */
    private record Row(String target, LoadResult load, Optional<Double> cpuMicrosPerRequest,
                       Optional<Double> jitMicrosPerRequest, Optional<Long> heapBytes, Instant from, Instant to) {
    }

    public static int run(String[] args, PrintStream out) throws Exception {
        Map<String, String> opts = CommandOptions.of(args);
        if (opts.containsKey("vs") || opts.containsKey("ratio")) {
            return AlternatingWindows.run(opts, out);
        }
        int connections = Integer.parseInt(opts.getOrDefault("connections", "50"));
        Duration length = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("seconds", "10")));
        // A server runs for days: the figures are of its steady state. After 3 s of warm-up the JIT compilers
        // still used a third of the CPU per request, after 10 s a seventh: each target warms for --warmup,
        // then until its compilers are quiet (QuietCompilers), for --max-warmup at most.
        Duration minWarmup = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("warmup", "10")));
        Warmup warmup = new Warmup(minWarmup, Duration.ofSeconds(Long.parseLong(opts.getOrDefault("max-warmup",
                String.valueOf(Math.max(40, minWarmup.toSeconds()))))));
        Optional<String> db = Optional.ofNullable(opts.get("db")).filter(v -> !v.equals("sqlite"));
        Path scratch = Files.createTempDirectory("kanal-bench");
        out.printf("bench: %d connections, %d-%d s warm-up (until the JIT compilers are quiet) + %d s measured per "
                        + "target, database %s, scratch %s%n", connections, warmup.min().toSeconds(),
                warmup.max().toSeconds(), length.toSeconds(), db.map(BenchCommand::withoutPassword).orElse("SQLite"),
                scratch);
        List<Row> rows = new ArrayList<>();
        List<String> profiles = new ArrayList<>();

        int barePort = ServerProcess.freePort();
        // The bare server stays up, idle, while Kanal is measured, and is measured again after it: the ratio's
        // denominator is the mean of both windows, so a machine whose speed drifts during the run (by 10-20%
        // between consecutive runs here) does not bias it.
        try (ServerProcess bare = ServerProcess.start(BareServer.class.getName(), List.of(String.valueOf(barePort)),
                Map.of(), scratch.resolve("bare.log"), barePort)) {
            rows.add(measure(BARE, bare, connections, warmup, length, Workloads.bare()));
            measureKanal(opts, db, scratch, connections, warmup, length, rows, profiles);
            rows.add(measure(BARE + ", again", bare, connections, ALREADY_WARM, length, Workloads.bare()));
        }
        print(rows, out);
        printSmsByMessage(rows.get(1).load(), out);
        profiles.forEach(out::println);
        if (db.isEmpty()) {
            StoreAlone.Result store = StoreAlone.run(scratch.resolve("store"), connections, warmup.min(), length);
            out.printf("store alone (%d threads save turns as the SMS target's: two transcript lines, the "
                    + "conversation's row written behind, group commit; no HTTP, no dialog, in this JVM): %.0f saves/s, %.0f us CPU per save%n",
                    connections, store.perSecond(), store.cpuMicrosPerSave());
        }
        out.printf("one cached conversation: %d bytes of heap (%d conversations in a cache built like the store's)%n",
                conversationHeapBytes(200_000), 200_000);
        long errors = rows.stream().mapToLong(r -> r.load().errors()).sum();
        if (errors == 0) {
            // Half a gigabyte of databases a run: a few runs would fill a small disk's /tmp.
            deleteTree(scratch);
            return 0;
        }
        out.printf("errors: the servers' logs are kept in %s%n", scratch);
        return 1;
    }

    /** Starts Kanal on the scratch database and measures its SMS and USSD targets into {@code rows}. */
    private static void measureKanal(Map<String, String> opts, Optional<String> db, Path scratch, int connections,
                                     Warmup warmup, Duration length, List<Row> rows, List<String> profiles) throws Exception {
        int port = ServerProcess.freePort();
        Map<String, String> env = kanalEnvironment(port, scratch.resolve("data"), db);
        List<String> jvm = Optional.ofNullable(opts.get("jfr")).map(file -> List.of(
                // Helidon's filters, the dialog and JDBC stack up past JFR's default 64 frames: deeper, or a turn's
                // samples lose the handler they belong to.
                "-XX:FlightRecorderOptions:stackdepth=256", "-XX:StartFlightRecording=filename="
                + Path.of(file).toAbsolutePath() + ",settings=profile,jdk.ExecutionSample#period=2ms"
                // CPU-time samples (JDK 25, Linux): every thread's CPU, where the execution sampler sees a few threads
                // a period.
                + ",jdk.CPUTimeSample#enabled=true,jdk.CPUTimeSample#throttle=1ms")).orElse(List.of());
        int first = rows.size();
        try (ServerProcess kanal = ServerProcess.start(jvm, "id.kanal.app.Main", List.of("serve"), env,
                scratch.resolve("kanal.log"), port)) {
            rows.add(measure("Kanal SMS (signed, full pipeline)", kanal, connections, warmup, length,
                    Workloads.sms("http://localhost:" + port, TOKEN, connections)));
            rows.add(measure("Kanal USSD", kanal, connections, warmup, length, Workloads.ussd(USSD_SECRET, connections)));
        }
        // The server wrote its recording as it stopped.
        if (opts.containsKey("jfr")) {
            List<CpuProfile.Sample> samples = CpuProfile.samples(Path.of(opts.get("jfr")));
            for (Row r : rows.subList(first, rows.size())) {
                profiles.add(String.format("where %s's CPU went in its measured window (JFR): %s", r.target(),
                        CpuProfile.describe(CpuProfile.byPart(samples, r.from(), r.to()))));
            }
        }
    }

    /** What a Kanal server under test is started with: its port, its scratch data, the bench's secrets. */
    static Map<String, String> kanalEnvironment(int port, Path data, Optional<String> db) {
        Map<String, String> env = new HashMap<>(Map.of("KANAL_PORT", String.valueOf(port),
                "KANAL_DATA_DIR", data.toString(), "KANAL_TWILIO_AUTH_TOKEN", TOKEN,
                "KANAL_PUBLIC_URL", "http://localhost:" + port, "KANAL_USSD_SECRET", USSD_SECRET,
                "KANAL_USSD_ALLOWED_IPS", "127.0.0.1/32"));
        db.ifPresent(url -> env.put("KANAL_DB_URL", url));
        return env;
    }

    static void deleteTree(Path root) throws java.io.IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static Row measure(String target, ServerProcess server, int connections, Warmup warmup, Duration length,
                               HttpLoad.Requests requests) throws Exception {
        QuietCompilers phases = new QuietCompilers(server);
        Instant started = Instant.now();
        LoadResult load = HttpLoad.run(server.port(), connections, warmup, length, requests, phases);
        Instant from = started.plus(load.warmedUp());
        Duration cpu = phases.cpuSinceStart();
        Optional<Duration> jit = phases.jitSinceStart();
        Optional<Double> perRequest = load.requests() == 0 ? Optional.empty()
                : Optional.of(cpu.toNanos() / 1e3 / load.requests());
        Optional<Double> jitPerRequest = load.requests() == 0 ? Optional.empty()
                : jit.map(d -> d.toNanos() / 1e3 / load.requests());
        return new Row(target, load, perRequest, jitPerRequest, server.heapAfterGcBytes(), from, from.plus(load.measured()));
    }

    /** The ratio column divides by the mean of the bare route's windows (before and after Kanal's). */
    private static void print(List<Row> rows, PrintStream out) {
        double bare = rows.stream().filter(r -> r.target().startsWith(BARE)).mapToDouble(r -> r.load().perSecond())
                .average().orElseThrow();
        out.printf("%-36s %10s %8s %8s %8s %7s %7s %12s %9s %10s %9s%n", "target", "req/s", "p50 ms", "p99 ms", "p99.9 ms",
                "errors", "ratio", "CPU us/req", "of it JIT", "heap MiB", "warm-up s");
        for (Row r : rows) {
            LoadResult l = r.load();
            out.printf("%-36s %10.0f %8.2f %8.2f %8.2f %7d %6.1f%% %12s %9s %10s %9d%n", r.target(), l.perSecond(),
                    l.percentileMillis(50), l.percentileMillis(99), l.percentileMillis(99.9), l.errors(),
                    100 * l.perSecond() / bare, r.cpuMicrosPerRequest().map(v -> String.format("%.0f", v)).orElse("-"),
                    r.jitMicrosPerRequest().map(v -> String.format("%.0f", v)).orElse("-"),
                    r.heapBytes().map(b -> String.format("%.1f", b / 1048576.0)).orElse("-"), l.warmedUp().toSeconds());
        }
    }

    /** The SMS target's p50/p99 by message of the mix: where its tail comes from. */
    private static void printSmsByMessage(LoadResult sms, PrintStream out) {
        StringBuilder line = new StringBuilder("SMS by message, p50/p99 ms:");
        for (int kind = 0; kind < Workloads.SMS_MIX.size(); kind++) {
            line.append(String.format(" \"%s\" %.1f/%.1f;", Workloads.SMS_MIX.get(kind), sms.percentileMillis(kind, 50),
                    sms.percentileMillis(kind, 99)));
        }
        out.println(line);
    }

    /** Heap per entry of a conversation cache like the store's, measured over many entries. */
    static long conversationHeapBytes(int count) {
        Cache<Address, Conversation> cache = Caffeine.newBuilder().maximumSize(count)
                .expireAfterAccess(Duration.ofHours(2)).build();
        long before = usedHeapAfterGc();
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            Address a = new Address(Channel.SMS, Workloads.phone(i));
            cache.put(a, Conversation.start(a, now));
        }
        cache.cleanUp();
        long after = usedHeapAfterGc();
        long perEntry = (after - before) / count;
        cache.invalidateAll(); // keeps the cache reachable until here
        return perEntry;
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String withoutPassword(String url) {
        return url.replaceAll("password=[^&]*", "password=***");
    }
}
