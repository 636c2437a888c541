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

/**
 * {@code bench --vs DIR [--rounds 10] [--seconds 6] [--warmup 25] [--connections 50]}: this build's SMS target
 * against another build's (DIR holds its {@code kanal.jar} and {@code libs/}, as {@code app/target} does), both
 * servers up at once on scratch SQLite databases, measured in alternating windows of one run: A then B, then B
 * then A, and so on. This machine's speed drifts by 10-35% between runs and within one, more than most changes
 * move a figure; windows a few seconds apart see the same machine. Two identical builds measured this way came
 * out 3.5% apart over ten rounds: differences below that are noise.
 */
final class AlternatingWindows {
    /** The window just before each measured one: connections opened, caches of the new residents warm. */
    private static final Warmup BETWEEN = new Warmup(Duration.ofSeconds(2), Duration.ofSeconds(2));

    private AlternatingWindows() {
    }

    /** What one window measured. */
    record Window(double perSecond, double p99Millis, double cpuMicrosPerTurn) {
    }

    static int run(Map<String, String> opts, PrintStream out) throws Exception {
        Path other = Path.of(opts.get("vs")).toAbsolutePath();
        if (!Files.isRegularFile(other.resolve("kanal.jar"))) {
            throw new IllegalArgumentException("--vs " + other + ": no kanal.jar there (give a build's app/target "
                    + "directory, or a copy of its kanal.jar with libs/ beside it)");
        }
        int rounds = Integer.parseInt(opts.getOrDefault("rounds", "10"));
        int connections = Integer.parseInt(opts.getOrDefault("connections", "50"));
        Duration window = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("seconds", "6")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("warmup", "25")));
        List<String> classPaths = List.of(System.getProperty("java.class.path"), other.resolve("kanal.jar").toString());
        Path scratch = Files.createTempDirectory("kanal-bench-vs");
        out.printf("bench --vs: SMS target of A (this build) and B (%s), %d connections, each warmed %d s, then %d rounds "
                + "of %d-s windows (A,B then B,A ...); scratch %s%n", other, connections, warmup.toSeconds(), rounds,
                window.toSeconds(), scratch);
        List<ServerProcess> servers = new ArrayList<>();
        try {
            for (int i = 0; i < classPaths.size(); i++) {
                int port = ServerProcess.freePort();
                servers.add(ServerProcess.start(List.of(), classPaths.get(i), "id.kanal.app.Main", List.of("serve"),
                        BenchCommand.kanalEnvironment(port, scratch.resolve("data-" + i), Optional.empty()),
                        scratch.resolve("kanal-" + i + ".log"), port));
            }
            for (ServerProcess s : servers) {
                measure(s, connections, new Warmup(warmup, warmup), Duration.ofSeconds(3));
            }
            List<List<Window>> windows = List.of(new ArrayList<>(), new ArrayList<>());
            for (int r = 0; r < rounds; r++) {
                StringBuilder line = new StringBuilder(String.format("round %2d:", r + 1));
                for (int k : order(r)) {
                    Window w = measure(servers.get(k), connections, BETWEEN, window);
                    windows.get(k).add(w);
                    line.append(String.format(Locale.ROOT, "  %s %,.0f turns/s p99 %.1f ms %.0f us", k == 0 ? "A" : "B",
                            w.perSecond(), w.p99Millis(), w.cpuMicrosPerTurn()));
                }
                out.println(line);
            }
            out.println(summary(windows.get(0), windows.get(1)));
        } finally {
            for (ServerProcess s : servers) {
                s.close();
            }
        }
        BenchCommand.deleteTree(scratch);
        return 0;
    }

    /** Which build goes first in round {@code r} (from 0): A in even rounds, B in odd ones. */
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

    private static double mean(List<Window> windows, java.util.function.ToDoubleFunction<Window> value) {
        return windows.stream().mapToDouble(value).average().orElse(Double.NaN);
    }

    private static Window measure(ServerProcess server, int connections, Warmup warmup, Duration length) throws Exception {
        QuietCompilers phases = new QuietCompilers(server);
        LoadResult load = HttpLoad.run(server.port(), connections, warmup, length,
                Workloads.sms("http://localhost:" + server.port(), BenchCommand.TOKEN, connections), phases);
        double cpu = load.requests() == 0 ? Double.NaN : phases.cpuSinceStart().toNanos() / 1e3 / load.requests();
        return new Window(load.perSecond(), load.percentileMillis(99), cpu);
    }
}
