package id.kanal.app.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Two servers up at once, measured in alternating windows of one run: the first then the second, then the second
 * then the first, and so on. This machine's speed drifts by 10-35% between runs and within one, more than most
 * changes move a figure; windows a few seconds apart see the same machine.
 * <ul>
 * <li>{@code bench --vs DIR [--rounds 10] [--seconds 6] [--warmup 25] [--connections 50]}: this build's SMS target
 * (A) against another build's (B: DIR holds its {@code kanal.jar} and {@code libs/}, as {@code app/target} does),
 * on scratch SQLite databases. Two identical builds measured this way came out 3.5% apart over ten rounds:
 * differences below that are noise.</li>
 * <li>{@code bench --ratio ROUNDS [--seconds 6] [--warmup 25] [--connections 50]}: this build's SMS target
 * against the bare route, the ratio with both sides measured on the same machine minutes apart at most
 * (the full bench measures the bare route before and after Kanal's targets, and its ratio swung between 12.9 and
 * 19.7% in three consecutive runs of one build).</li>
 * </ul>
 */
final class AlternatingWindows {
    /** The window just before each measured one: connections opened, caches of the new residents warm. */
    private static final Warmup BETWEEN = new Warmup(Duration.ofSeconds(2), Duration.ofSeconds(2));

    private AlternatingWindows() {
    }

    /** What one window measured: turns (or requests) a second, p99, the server's CPU a turn. */
    record Window(double perSecond, double p99Millis, double cpuMicrosPerTurn) {
    }

    /** One of the two servers: its name in the output and the requests it is measured with. */
    private record Side(String name, ServerProcess server, Function<Integer, HttpLoad.Requests> requests) {
    }

    static int run(Map<String, String> opts, PrintStream out) throws Exception {
        boolean ratio = !opts.containsKey("vs");
        Path other = ratio ? null : Path.of(opts.get("vs")).toAbsolutePath();
        if (other != null && !Files.isRegularFile(other.resolve("kanal.jar"))) {
            throw new IllegalArgumentException("--vs " + other + ": no kanal.jar there (give a build's app/target "
                    + "directory, or a copy of its kanal.jar with libs/ beside it)");
        }
        int rounds = Integer.parseInt(ratio ? opts.get("ratio") : opts.getOrDefault("rounds", "10"));
        if (rounds < 1) {
            throw new IllegalArgumentException("at least one round: " + rounds);
        }
        int connections = Integer.parseInt(opts.getOrDefault("connections", "50"));
        Duration window = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("seconds", "6")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("warmup", "25")));
        Path scratch = Files.createTempDirectory("kanal-bench-alternating");
        out.printf("bench %s: %d connections, each server warmed %d s, then %d rounds of %d-s windows (first, second, "
                + "then second, first ...); scratch %s%n", ratio ? "--ratio: Kanal's SMS target (first) and the bare "
                + "route (second)" : "--vs: SMS target of A (this build) and B (" + other + ")", connections,
                warmup.toSeconds(), rounds, window.toSeconds(), scratch);
        List<Side> sides = new ArrayList<>();
        try {
            sides.add(kanal(ratio ? "SMS" : "A", System.getProperty("java.class.path"), scratch, 0));
            sides.add(ratio ? bare(scratch) : kanal("B", other.resolve("kanal.jar").toString(), scratch, 1));
            for (Side s : sides) {
                measure(s, connections, new Warmup(warmup, warmup), Duration.ofSeconds(3));
            }
            List<List<Window>> windows = List.of(new ArrayList<>(), new ArrayList<>());
            for (int r = 0; r < rounds; r++) {
                StringBuilder line = new StringBuilder(String.format("round %2d:", r + 1));
                for (int k : order(r)) {
                    Window w = measure(sides.get(k), connections, BETWEEN, window);
                    windows.get(k).add(w);
                    line.append(String.format(Locale.ROOT, "  %s %,.0f/s p99 %.1f ms %.0f us", sides.get(k).name(),
                            w.perSecond(), w.p99Millis(), w.cpuMicrosPerTurn()));
                }
                if (ratio) {
                    line.append(String.format(Locale.ROOT, "  %.1f%%", 100 * windows.get(0).get(r).perSecond()
                            / windows.get(1).get(r).perSecond()));
                }
                out.println(line);
            }
            out.println(ratio ? ratioSummary(windows.get(0), windows.get(1)) : summary(windows.get(0), windows.get(1)));
        } finally {
            for (Side s : sides) {
                s.server().close();
            }
        }
        BenchCommand.deleteTree(scratch);
        return 0;
    }

    private static Side kanal(String name, String classPath, Path scratch, int index) throws Exception {
        int port = ServerProcess.freePort();
        ServerProcess server = ServerProcess.start(List.of(), classPath, "id.kanal.app.Main", List.of("serve"),
                BenchCommand.kanalEnvironment(port, scratch.resolve("data-" + index), Optional.empty()),
                scratch.resolve("kanal-" + index + ".log"), port);
        return new Side(name, server, connections -> Workloads.sms("http://localhost:" + port, BenchCommand.TOKEN,
                connections));
    }

    private static Side bare(Path scratch) throws Exception {
        int port = ServerProcess.freePort();
        ServerProcess server = ServerProcess.start(BareServer.class.getName(), List.of(String.valueOf(port)), Map.of(),
                scratch.resolve("bare.log"), port);
        HttpLoad.Requests requests = Workloads.bare();
        return new Side("bare", server, connections -> requests);
    }

    /** Which side goes first in round {@code r} (from 0): the first in even rounds, the second in odd ones. */
    static int[] order(int r) {
        return r % 2 == 0 ? new int[] {0, 1} : new int[] {1, 0};
    }

    /** Both builds' means, B against A, and in how many rounds B made more turns. */
    static String summary(List<Window> a, List<Window> b) {
        int bWon = 0;
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            bWon += b.get(i).perSecond() > a.get(i).perSecond() ? 1 : 0;
        }
        double meanA = mean(a, Window::perSecond);
        double meanB = mean(b, Window::perSecond);
        return String.format(Locale.ROOT, "A: %,.0f turns/s, p99 %.1f ms, %.0f us a turn; "
                        + "B: %,.0f turns/s, p99 %.1f ms, %.0f us a turn; B/A %+.1f%%, B ahead in %d of %d rounds", meanA, mean(a, Window::p99Millis),
                mean(a, Window::cpuMicrosPerTurn), meanB, mean(b, Window::p99Millis), mean(b, Window::cpuMicrosPerTurn),
                100 * (meanB / meanA - 1), bWon, Math.min(a.size(), b.size()));
    }

    /** Both sides' means, the SMS target's share of the bare route's requests/s over all rounds, and its range by round. */
    static String ratioSummary(List<Window> sms, List<Window> bare) {
        int rounds = Math.min(sms.size(), bare.size());
        double low = Double.MAX_VALUE;
        double high = 0;
        for (int i = 0; i < rounds; i++) {
            double r = sms.get(i).perSecond() / bare.get(i).perSecond();
            low = Math.min(low, r);
            high = Math.max(high, r);
        }
        return String.format(Locale.ROOT, "SMS: %,.0f turns/s, p99 %.1f ms, %.0f us a turn; bare: %,.0f requests/s, "
                        + "p99 %.1f ms, %.0f us a request; SMS/bare %.1f%% (rounds %.1f-%.1f%%)", mean(sms, Window::perSecond),
                mean(sms, Window::p99Millis), mean(sms, Window::cpuMicrosPerTurn), mean(bare, Window::perSecond),
                mean(bare, Window::p99Millis), mean(bare, Window::cpuMicrosPerTurn),
                100 * mean(sms, Window::perSecond) / mean(bare, Window::perSecond), 100 * low, 100 * high);
    }

    private static double mean(List<Window> windows, java.util.function.ToDoubleFunction<Window> value) {
        return windows.stream().mapToDouble(value).average().orElse(Double.NaN);
    }

    private static Window measure(Side side, int connections, Warmup warmup, Duration length) throws Exception {
        QuietCompilers phases = new QuietCompilers(side.server());
        LoadResult load = HttpLoad.run(side.server().port(), connections, warmup, length,
                side.requests().apply(connections), phases);
        double cpu = load.requests() == 0 ? Double.NaN : phases.cpuSinceStart().toNanos() / 1e3 / load.requests();
        return new Window(load.perSecond(), load.percentileMillis(99), cpu);
    }
}
