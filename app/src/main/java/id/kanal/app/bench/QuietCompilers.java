package id.kanal.app.bench;

import java.time.Duration;
import java.util.Optional;

/**
 * A server is warm when its JIT compilers used under {@link #SHARE} of its CPU since the last poll.
 * Ten seconds after start, the C2 compiler still took a seventh of the process's CPU under the SMS
 * load (perf), which the CPU per request then counted as the turns' own. Where the compilers' CPU
 * cannot be read (not Linux), the server is warm at once: the minimum warm-up only.
 */
final class QuietCompilers implements HttpLoad.Phases {
    static final double SHARE = 0.02;

    private final ServerProcess server;
    private Duration cpu;
    private Optional<Duration> jit;
    private Duration cpuAtStart;
    private Optional<Duration> jitAtStart;

    QuietCompilers(ServerProcess server) {
        this.server = server;
    }

    @Override
    public boolean warm() {
        Duration cpuNow = server.cpu();
        Optional<Duration> jitNow = server.compilerCpu();
        boolean quiet = jitNow.isEmpty() || cpu != null && jit.isPresent()
                && share(jitNow.get().minus(jit.get()), cpuNow.minus(cpu)) < SHARE;
        cpu = cpuNow;
        jit = jitNow;
        return quiet;
    }

    private static double share(Duration part, Duration whole) {
        return whole.isZero() ? 0 : (double) part.toNanos() / whole.toNanos();
    }

    @Override
    public void measuring() {
        cpuAtStart = server.cpu();
        jitAtStart = server.compilerCpu();
    }

    /** The server's CPU since measuring started. */
    Duration cpuSinceStart() {
        return server.cpu().minus(cpuAtStart);
    }

    /** Its compilers' CPU since measuring started, where it can be read. */
    Optional<Duration> jitSinceStart() {
        return server.compilerCpu().flatMap(end -> jitAtStart.map(end::minus));
    }
}
