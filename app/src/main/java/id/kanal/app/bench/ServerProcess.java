package id.kanal.app.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server under test in its own JVM, so that its CPU time and heap are its own and not the
 * load generator's. Started from the running command's class path (or another build's, to compare). The fault suite
 * uses it too, to kill a server with SIGKILL in the middle of a load.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Pattern G1_USED = Pattern.compile("used (\\d+)K");

    private final Process process;
    private final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts {@code mainClass args} with {@code env} added, and waits until {@code GET /observe/health} answers. */
    public static ServerProcess start(String mainClass, List<String> args, Map<String, String> env, Path log, int port)
            throws IOException, InterruptedException {
        return start(List.of(), mainClass, args, env, log, port);
    }

    /** The same, with JVM options (a flight recording, for instance) before the main class. */
    public static ServerProcess start(List<String> jvmOptions, String mainClass, List<String> args, Map<String, String> env,
                                      Path log, int port) throws IOException, InterruptedException {
        return start(jvmOptions, System.getProperty("java.class.path"), mainClass, args, env, log, port);
    }

    /** The same from another class path (another build's jar, for a comparison). */
    static ServerProcess start(List<String> jvmOptions, String classPath, String mainClass, List<String> args,
                               Map<String, String> env, Path log, int port) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "--enable-native-access=ALL-UNNAMED"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, mainClass));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("KANAL_"));
        pb.environment().putAll(env);
        ServerProcess server = new ServerProcess(pb.start(), port);
        server.awaitHealthy(Duration.ofSeconds(60));
        return server;
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    /** Whether its process still runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no graceful stop, as a power cut or the OOM killer would end it. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    private void awaitHealthy(Duration within) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("server exited with " + process.exitValue() + " before answering");
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
                s.setSoTimeout(5_000);
                s.getOutputStream().write("GET /observe/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                if (status(s.getInputStream()) == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100); // polling a child process's start, with a deadline
        }
        throw new IOException("server did not become healthy within " + within);
    }

    /** The status of the answer on {@code in}, read until complete (the server may keep the socket open). */
    private static int status(java.io.InputStream in) throws IOException {
        byte[] bytes = new byte[4096];
        int length = 0;
        for (int read = 0; read >= 0 && length < bytes.length; read = in.read(bytes, length, bytes.length - length)) {
            length += read;
            HttpResponses.Answer answer = HttpResponses.parse(bytes, length);
            if (answer != null) {
                return answer.status();
            }
        }
        throw new IOException("no complete answer");
    }

    /** The CPU time the server's process has used so far. */
    Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /**
     * The CPU time its JIT compiler threads have used so far (Linux: their {@code /proc} task stats),
     * empty elsewhere. Seconds after start, compiling the hot paths is still a large share of the
     * process's CPU, which the benchmark's CPU per request includes.
     */
    java.util.Optional<Duration> compilerCpu() {
        java.nio.file.Path tasks = java.nio.file.Path.of("/proc", String.valueOf(process.pid()), "task");
        if (!java.nio.file.Files.isDirectory(tasks)) {
            return java.util.Optional.empty();
        }
        long ticks = 0;
        try (var dirs = java.nio.file.Files.list(tasks)) {
            for (java.nio.file.Path task : dirs.toList()) {
                ticks += compilerTicks(task.resolve("stat"));
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Duration.ofMillis(ticks * 1000 / CLOCK_TICKS_PER_SECOND));
    }

    /** USER_HZ: 100 on Linux for x86 and ARM alike. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    /** utime + stime of one thread when it is a compiler thread ("C1 CompilerThre", "C2 CompilerThre"), else 0. */
    private static long compilerTicks(java.nio.file.Path stat) {
        String line;
        try {
            line = java.nio.file.Files.readString(stat);
        } catch (java.io.IOException e) {
            return 0; // the thread ended meanwhile
        }
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 0 || close < open || !line.substring(open + 1, close).contains("CompilerThre")) {
            return 0;
        }
        // After "pid (comm) ": state is field 3, utime field 14, stime field 15.
        String[] fields = line.substring(close + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** Heap in use after a full collection, from {@code jcmd GC.run} and {@code GC.heap_info}; empty when jcmd is missing. */
    Optional<Long> heapAfterGcBytes() {
        try {
            jcmd("GC.run");
            Matcher m = G1_USED.matcher(jcmd("GC.heap_info"));
            return m.find() ? Optional.of(Long.parseLong(m.group(1)) * 1024) : Optional.empty();
        } catch (IOException | InterruptedException e) {
            return Optional.empty();
        }
    }

    private String jcmd(String what) throws IOException, InterruptedException {
        Path jcmd = Path.of(javaBinary()).resolveSibling("jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), what).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** SIGTERM, then SIGKILL after 15 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
