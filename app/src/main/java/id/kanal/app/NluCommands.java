package id.kanal.app;

import id.kanal.dialog.port.ScheduleService;
import id.kanal.intents.Example;
import id.kanal.intents.OpenNlpIntentClassifier;
import id.kanal.intents.StopFinder;
import id.kanal.intents.TrainingData;
import id.kanal.intents.cli.ClassifyCommand;
import id.kanal.intents.cli.NluEvalCommand;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** {@code classify} (the live classifier, with the region's vocabulary) and {@code nlu-eval}. */
final class NluCommands {
    private NluCommands() {
    }

    static int classify(Settings settings, String[] args) {
        LogsToStderr.apply();
        try (Kanal kanal = Kanal.open(settings, Main.clock())) {
            return ClassifyCommand.run(kanal.classifier(),
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.out);
        }
    }

    /**
     * classify() latency with the stop names of a real timetable (bench-services passes the shared
     * KRL and TransJakarta feeds): a message naming a place pays for the timetable's stop search,
     * which nlu-eval (built-in names only) does not see. Each text is sent with a distinct suffix,
     * so the timetable's search cache does not hide that cost.
     */
    static void classifyLatency(ScheduleService timetable, PrintStream out) {
        OpenNlpIntentClassifier classifier = OpenNlpIntentClassifier.builder().stopFinder(StopFinder.of(timetable)).build();
        List<String> texts = TrainingData.builtInHeldOut().stream().map(Example::text).toList();
        int calls = 20_000;
        for (int k = 0; k < calls; k++) {
            classifier.classify(texts.get(k % texts.size()) + " w" + k); // warm-up: the JIT, not the cache
        }
        long[] nanos = new long[calls];
        for (int k = 0; k < calls; k++) {
            String text = texts.get(k % texts.size()) + " m" + k;
            long t0 = System.nanoTime();
            classifier.classify(text);
            nanos[k] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        out.printf(Locale.ROOT, "classify with the shared feeds' stops (Kanal held-out texts, uncached): p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                nanos[calls / 2] / 1e6, nanos[(int) (calls * 0.99)] / 1e6, nanos[calls - 1] / 1e6);
    }

    static int evaluate(Settings settings, String[] args) {
        LogsToStderr.apply();
        return NluEvalCommand.run(args, System.out);
    }
}
