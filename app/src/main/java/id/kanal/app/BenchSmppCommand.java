package id.kanal.app;

import id.kanal.channels.smpp.LocalSmsc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code bench-smpp [--rate 100] [--seconds 20] [--burst 2000] [--window 10]}: a Kanal on a scratch SQLite
 * directory bound over real SMPP to the local SMSC on loopback. First a burst, as fast as the
 * link takes it: messages per second from {@code deliver_sm} to the reply's {@code submit_sm}.
 * Then a steady {@code --rate}: the latency from sending each {@code deliver_sm} to the reply's
 * {@code submit_sm} arriving at the SMSC, p50/p99/max. Each message comes from its own resident
 * and each reply runs a real turn (menu) with its commits and the outbox. The SMSC keeps at most
 * {@code --window} {@code deliver_sm} unanswered, as operators' SMSCs do.
 */
final class BenchSmppCommand {
    private static final String SHORT_CODE = "1708";

    private BenchSmppCommand() {
    }

    static int run(Settings ignored, String[] args) throws Exception {
        Map<String, String> opts = CommandOptions.of(args);
        double rate = Double.parseDouble(opts.getOrDefault("rate", "100"));
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "20"));
        int burst = Integer.parseInt(opts.getOrDefault("burst", "2000"));
        Semaphore window = new Semaphore(Integer.parseInt(opts.getOrDefault("window", "10")));
        Path dir = Files.createTempDirectory("kanal-bench-smpp");
        Map<String, Long> replied = new ConcurrentHashMap<>();
        try (LocalSmsc smsc = LocalSmsc.start(0, "bench", "bench")) {
            smsc.receipts(true, "DELIVRD");
            smsc.onSubmit(s -> replied.putIfAbsent(s.to(), System.nanoTime()));
            Map<String, String> env = new HashMap<>(Map.of("KANAL_PORT", "0", "KANAL_DATA_DIR", dir.toString(),
                    "KANAL_SMPP_HOST", "127.0.0.1", "KANAL_SMPP_PORT", String.valueOf(smsc.port()),
                    "KANAL_SMPP_SYSTEM_ID", "bench", "KANAL_SMPP_PASSWORD", "bench", "KANAL_SMPP_SOURCE_ADDR", SHORT_CODE,
                    "KANAL_SMPP_TPS", "5000"));
            Kanal kanal = Kanal.open(Settings.from(Main.config(), env), Clock.systemUTC());
            kanal.channels().start();
            KanalServer server = KanalServer.start(kanal);
            kanal.outbox().start();
            try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (smsc.boundLinks() == 0 && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(10_000_000);
                }
                if (smsc.boundLinks() == 0) {
                    throw new IllegalStateException("Kanal did not bind to the local SMSC");
                }
                run(smsc, senders, window, replied, 62_810_000_000L, 200, 0); // warm-up: JIT, caches
                long start = System.nanoTime();
                run(smsc, senders, window, replied, 62_811_000_000L, burst, 0);
                double burstSeconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("burst: %d messages deliver_sm -> reply submit_sm in %.2f s = %.0f messages/s%n",
                        burst, burstSeconds, burst / burstSeconds);
                int steady = (int) (rate * seconds);
                long[] latencies = run(smsc, senders, window, replied, 62_812_000_000L, steady, rate);
                Arrays.sort(latencies);
                System.out.printf("steady %.0f msg/s for %d s (%d messages): deliver_sm -> reply submit_sm "
                                + "p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", rate, seconds, steady,
                        latencies[latencies.length / 2] / 1e6, latencies[(int) (latencies.length * 0.99)] / 1e6,
                        latencies[latencies.length - 1] / 1e6);
            } finally {
                server.close();
                kanal.close();
            }
        }
        return 0;
    }

    /**
     * Sends {@code count} messages, each from its own resident (at {@code rate} per second, or
     * all at once when 0), and waits for every reply; returns each one's latency in nanoseconds.
     */
    private static long[] run(LocalSmsc smsc, ExecutorService senders, Semaphore window, Map<String, Long> replied,
                              long firstNumber, int count, double rate) throws InterruptedException {
        long[] sentAt = new long[count];
        CountDownLatch answered = new CountDownLatch(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (rate > 0) {
                long due = start + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            int n = i;
            String from = String.valueOf(firstNumber + i);
            sentAt[n] = System.nanoTime(); // when it was due: waiting for the window counts
            window.acquire();
            senders.execute(() -> {
                try {
                    smsc.sms(from, SHORT_CODE, "halo");
                } finally {
                    window.release();
                    answered.countDown();
                }
            });
        }
        answered.await();
        long[] latencies = new long[count];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (int i = 0; i < count; i++) {
            String to = String.valueOf(firstNumber + i);
            while (!replied.containsKey(to)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no reply to " + to + " within a minute");
                }
                LockSupport.parkNanos(1_000_000);
            }
            latencies[i] = replied.get(to) - sentAt[i];
        }
        return latencies;
    }
}
