package id.kanal.app.bench;

import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CpuProfileTest {
    @Test
    void aSample_goesToTheInnermostPartItsStackHolds() {
        // A commit led by a turn's thread: inside the dialog, the channel and Helidon, but the commit's.
        assertEquals("commit and log sync", CpuProfile.partOf(List.of("org.sqlite.core.DB.exec",
                "org.sqlite.SQLiteConnection.commit", "id.kanal.store.Database.transaction",
                "id.kanal.dialog.DialogEngine.handleInOrder", "id.kanal.channels.twilio.TwilioMessagingService.handle",
                "io.helidon.webserver.http1.Http1Connection.handle")));
        assertEquals("commit and log sync", CpuProfile.partOf(List.of("org.sqlite.core.NativeDB.step",
                "id.kanal.store.SqlitePool.commit", "id.kanal.store.SqlitePool.inWriterTransaction",
                "id.kanal.store.Database.transaction", "id.kanal.dialog.DialogEngine.handleInOrder")),
                "the writer's own COMMIT statement");
        assertEquals("database reads", CpuProfile.partOf(List.of("org.sqlite.core.DB.execute",
                "id.kanal.store.Database.read", "id.kanal.dialog.DialogEngine.handleInOrder")));
        assertEquals("dialog", CpuProfile.partOf(List.of("java.lang.String.split",
                "id.kanal.dialog.DialogEngine.handleInOrder", "io.helidon.webserver.http1.Http1Connection.handle")));
        assertEquals("socket writes", CpuProfile.partOf(List.of("sun.nio.ch.SocketDispatcher.write",
                "io.helidon.webserver.http1.Http1ServerResponse.send", "id.kanal.channels.twilio.TwilioMessagingService.handle")));
        assertEquals("Helidon", CpuProfile.partOf(List.of("io.helidon.http.Header.values")));
        assertEquals(CpuProfile.OTHER, CpuProfile.partOf(List.of("java.lang.Thread.run")));
        assertEquals(CpuProfile.OTHER, CpuProfile.partOf(List.of()));
    }

    @Test
    void describe_givesSharesLargestFirst_andLeavesEmptyPartsOut() {
        assertEquals("4 samples: dialog 75.0%, Helidon 25.0%", CpuProfile.describe(new java.util.LinkedHashMap<>(
                Map.of("Helidon", 1L, "dialog", 3L, "turn writes", 0L))));
        assertEquals("no samples", CpuProfile.describe(Map.of("dialog", 0L)));
    }

    @Test
    void aRecording_isCountedWithinItsWindowOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("busy.jfr");
        Instant from;
        Instant to;
        try (Recording r = new Recording()) {
            r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
            r.start();
            from = Instant.now();
            busy(Duration.ofMillis(400));
            to = Instant.now();
            r.stop();
            r.dump(file);
        }
        List<CpuProfile.Sample> samples = CpuProfile.samples(file);
        Map<String, Long> inside = CpuProfile.byPart(samples, from, to);
        assertTrue(inside.get(CpuProfile.OTHER) > 0, inside.toString());
        assertEquals(CpuProfile.PARTS.size() + 1, inside.size());
        Map<String, Long> later = CpuProfile.byPart(samples, to.plusSeconds(60), to.plusSeconds(120));
        assertEquals(0L, later.values().stream().mapToLong(Long::longValue).sum(), later.toString());
    }

    /** Keeps this thread on the CPU (sampled) for {@code length} of wall time. */
    private static long busy(Duration length) {
        long end = System.nanoTime() + length.toNanos();
        long x = 0;
        while (System.nanoTime() < end) {
            x += Long.numberOfTrailingZeros(x + System.nanoTime());
        }
        return x;
    }
}
