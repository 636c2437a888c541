package id.kanal.app.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a Kanal server's CPU went during one measured window, from the JFR recording {@code bench --jfr} makes:
 * its CPU-time samples (JDK 25; on an older JDK its execution samples) by part of a turn. Each sample goes to the
 * first part one of whose frames its stack holds, so the parts run from the innermost work (a commit, a socket
 * write) out to what wraps everything (the dialog, the channel, Helidon). The sessions' "where the time goes"
 * came from these parts, sorted by hand from the recording; now the bench prints them.
 */
final class CpuProfile {
    /** A part of a turn, named by frames ({@code class.method} prefixes) found only in its samples. */
    record Part(String name, List<String> frames) {
        Part(String name, String... frames) {
            this(name, List.of(frames));
        }

        boolean holds(List<String> stack) {
            for (String frame : stack) {
                for (String f : frames) {
                    if (frame.startsWith(f)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** Innermost first: the first part that holds a sample's stack gets it. */
    static final List<Part> PARTS = List.of(
            new Part("commit and log sync", "org.sqlite.SQLiteConnection.commit", "id.kanal.store.SqlitePool.commit",
                    "id.kanal.store.SqlitePool.syncCommit"),
            new Part("turn writes", "id.kanal.store.GroupCommit$Pending.run"),
            new Part("rows behind", "id.kanal.store.RowsBehind"),
            new Part("checkpointer", "id.kanal.store.WalCheckpointer"),
            // By prefix: Database.read and Database.readOnWriter.
            new Part("database reads", "id.kanal.store.Database.read", "id.kanal.store.Database.inAutocommit"),
            new Part("classification", "id.kanal.dialog.Understanding.classify"),
            new Part("webhook signature", "id.kanal.channels.twilio.TwilioWebhook.verify"),
            new Part("socket writes", "sun.nio.ch.SocketDispatcher.write"),
            new Part("socket reads", "sun.nio.ch.SocketDispatcher.read"),
            new Part("dialog", "id.kanal.dialog.DialogEngine.handleInOrder"),
            new Part("channel", "id.kanal.channels.twilio", "id.kanal.channels.ussd"),
            new Part("Helidon", "io.helidon"));
    static final String OTHER = "other";

    private CpuProfile() {
    }

    /** The part a sample's stack (innermost frame first) belongs to, or {@link #OTHER}. */
    static String partOf(List<String> stack) {
        for (Part p : PARTS) {
            if (p.holds(stack)) {
                return p.name();
            }
        }
        return OTHER;
    }

    /** A sample of the recording: when it was taken and the part of a turn it belongs to. */
    record Sample(Instant at, String part) {
    }

    /** The recording's CPU-time samples (execution samples when it has none), each with its part: read once. */
    static List<Sample> samples(Path recording) throws IOException {
        List<RecordedEvent> events = RecordingFile.readAllEvents(recording);
        String kind = events.stream().anyMatch(e -> e.getEventType().getName().equals("jdk.CPUTimeSample"))
                ? "jdk.CPUTimeSample" : "jdk.ExecutionSample";
        List<Sample> out = new ArrayList<>();
        for (RecordedEvent e : events) {
            if (e.getEventType().getName().equals(kind)) {
                out.add(new Sample(e.getStartTime(), partOf(frames(e.getStackTrace()))));
            }
        }
        return out;
    }

    /** Samples by part, in {@link #PARTS}' order then {@link #OTHER}, of the samples taken from {@code from} to {@code to}. */
    static Map<String, Long> byPart(List<Sample> samples, Instant from, Instant to) {
        Map<String, Long> counts = new LinkedHashMap<>();
        PARTS.forEach(p -> counts.put(p.name(), 0L));
        counts.put(OTHER, 0L);
        for (Sample s : samples) {
            if (!s.at().isBefore(from) && !s.at().isAfter(to)) {
                counts.merge(s.part(), 1L, Long::sum);
            }
        }
        return counts;
    }

    private static List<String> frames(RecordedStackTrace trace) {
        List<String> out = new ArrayList<>();
        if (trace != null) {
            for (RecordedFrame f : trace.getFrames()) {
                if (f.isJavaFrame()) {
                    out.add(f.getMethod().getType().getName() + "." + f.getMethod().getName());
                }
            }
        }
        return out;
    }

    /** "N samples: part x.x%, ..." largest first, parts without samples left out. */
    static String describe(Map<String, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return "no samples";
        }
        return total + " samples: " + counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.1f%%", e.getKey(), 100.0 * e.getValue() / total))
                .collect(Collectors.joining(", "));
    }
}
