package id.kanal.app.bench;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.Conversation;
import id.kanal.dialog.InboundMessage;
import id.kanal.dialog.Reply;
import id.kanal.dialog.port.Turn;
import id.kanal.store.Database;
import id.kanal.store.SqlConversationStore;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The store's part of an SMS turn with nothing around it: no HTTP, no dialog, no complaint. Threads
 * save turns (the two transcript lines, the message's carrying its provider id and the conversation, whose row the
 * store writes behind) for the bench's residents through the same {@link SqlConversationStore} and group commit as the server, on a
 * SQLite file with the server's settings. What it costs per save is the floor under the SMS
 * target's CPU per turn that no Java change above the store can lower.
 */
final class StoreAlone {
    /** A price answer, about the length of the bench's replies. */
    private static final String REPLY = "Harga cabe rawit di Pasar Anyar hari ini Rp 52.000/kg (kemarin Rp 50.000). "
            + "Balas 0 untuk menu.";

    /**
     * @param saves saves in the measured part
     * @param cpu   the whole process's CPU in the measured part (this JVM runs nothing else meanwhile)
     */
    record Result(long saves, Duration measured, Duration cpu) {
        double perSecond() {
            return saves / (measured.toNanos() / 1e9);
        }

        double cpuMicrosPerSave() {
            return saves == 0 ? 0 : cpu.toNanos() / 1e3 / saves;
        }
    }

    private StoreAlone() {
    }

    static Result run(Path dataDir, int threads, Duration warmup, Duration length) throws InterruptedException {
        try (Database db = Database.openSqlite(dataDir)) {
            SqlConversationStore store = new SqlConversationStore(db);
            LongAdder saves = new LongAdder();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> savers = new ArrayList<>();
            long run = System.currentTimeMillis();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                savers.add(Thread.ofVirtual().start(() -> {
                    int per = Math.max(1, Workloads.RESIDENTS / threads);
                    for (long n = 0; !stop.get(); n++) {
                        store.save(turn(run, thread, n, thread + (int) (n % per) * threads));
                        saves.increment();
                    }
                }));
            }
            Thread.sleep(warmup); // the clock of a benchmark, not a test
            long cpuFrom = processCpuNanos();
            long savesFrom = saves.sum();
            long from = System.nanoTime();
            Thread.sleep(length);
            long done = saves.sum() - savesFrom;
            Duration measured = Duration.ofNanos(System.nanoTime() - from);
            Duration cpu = Duration.ofNanos(processCpuNanos() - cpuFrom);
            stop.set(true);
            for (Thread t : savers) {
                t.join();
            }
            return new Result(done, measured, cpu);
        }
    }

    private static Turn turn(long run, int thread, long n, int resident) {
        Instant now = Instant.now();
        Address from = new Address(Channel.SMS, Workloads.phone(resident));
        InboundMessage in = new InboundMessage("SMstore" + run + "t" + thread + "n" + n, from,
                "harga cabe rawit di pasar anyar", List.of(), Optional.empty(), now);
        return new Turn(in, Conversation.start(from, now), new Reply(REPLY, List.of(), false));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
