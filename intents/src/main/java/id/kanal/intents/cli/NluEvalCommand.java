package id.kanal.intents.cli;

import id.kanal.dialog.port.Intent;
import id.kanal.dialog.port.Intents;
import id.kanal.intents.Example;
import id.kanal.intents.IntentModel;
import id.kanal.intents.ModelOptions;
import id.kanal.intents.OpenNlpIntentClassifier;
import id.kanal.intents.SlangLexicon;
import id.kanal.intents.TextNormaliser;
import id.kanal.intents.ThresholdTuner;
import id.kanal.intents.TrainingData;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code kanal nlu-eval --dataset clinc150|xsid|kanal [--path P]}: trains the classifier's
 * pipeline on the train split, picks the out-of-scope threshold on the validation split, and
 * reports on the test split only: in-scope accuracy, out-of-scope recall, macro-F1, p50/p99
 * classify latency, training time and a heap estimate. Optional: {@code --lexicon CSV},
 * {@code --algorithm MAXENT|MAXENT_QN|PERCEPTRON|NAIVEBAYES}, {@code --iterations N},
 * {@code --cutoff N}, {@code --l2 X}, {@code --limit N} (first N training rows per intent),
 * {@code --tolerance X} (in-scope accuracy the threshold may give up on val, default 0.005),
 * {@code --latency-calls N} (timed calls, default 10,000), {@code --cv K} (only print the
 * threshold K-fold cross-validation picks on the training data), {@code --save-model FILE} (write the
 * trained model there; {@code KANAL_INTENT_MODEL_PATH} loads it instead of training at start).
 */
public final class NluEvalCommand {
    static final int DEFAULT_LATENCY_CALLS = 10_000;

    private NluEvalCommand() {
    }

    /** Returns the exit code: 0, or 2 for bad arguments or unreadable files. */
    public static int run(String[] args, PrintStream out) {
        Map<String, String> opts = new HashMap<>();
        for (int k = 0; k < args.length; k++) {
            if (!args[k].startsWith("--") || k + 1 >= args.length) {
                out.println("nlu-eval: unexpected argument '" + args[k] + "'");
                return usage(out);
            }
            opts.put(args[k].substring(2), args[++k]);
        }
        String dataset = opts.get("dataset");
        if (dataset == null) {
            return usage(out);
        }
        try {
            ModelOptions defaults = ModelOptions.defaults();
            ModelOptions options = new ModelOptions(opts.getOrDefault("algorithm", defaults.algorithm()),
                    Integer.parseInt(opts.getOrDefault("iterations", String.valueOf(defaults.iterations()))),
                    Integer.parseInt(opts.getOrDefault("cutoff", String.valueOf(defaults.cutoff()))),
                    Double.parseDouble(opts.getOrDefault("l2", String.valueOf(defaults.l2()))));
            TextNormaliser normaliser = opts.containsKey("lexicon")
                    ? TextNormaliser.withLexicon(SlangLexicon.load(Path.of(opts.get("lexicon"))))
                    : TextNormaliser.builtIn();
            Benchmarks.Splits splits = switch (dataset) {
                case "clinc150" -> Benchmarks.clinc150(Path.of(require(opts, "path")));
                case "xsid" -> Benchmarks.xsid(Path.of(require(opts, "path")));
                case "kanal" -> new Benchmarks.Splits(TrainingData.builtInTraining(), List.of(),
                        opts.containsKey("path") ? TrainingData.read(Path.of(opts.get("path")))
                                : TrainingData.builtInHeldOut());
                default -> throw new IllegalArgumentException("unknown dataset '" + dataset + "'");
            };
            List<Example> train = limit(splits.train(), Integer.parseInt(opts.getOrDefault("limit", "0")));
            if (opts.containsKey("cv")) {
                // Cross-validated threshold on the training data only (for Kanal, which has no val split).
                ThresholdTuner.Choice c = ThresholdTuner.crossValidate(train, normaliser, options,
                        Integer.parseInt(opts.get("cv")), ThresholdTuner.DEFAULT_TOLERANCE);
                out.printf(Locale.ROOT, "cv_threshold=%.4f cv_in_scope=%.2f%% cv_oos_recall=%.2f%%%n", c.threshold(),
                        100 * c.inScopeAccuracy(), 100 * c.outOfScopeRecall());
                return 0;
            }
            IntentModel[] trained = new IntentModel[1];
            Report r = evaluate(dataset, new Benchmarks.Splits(train, splits.val(), splits.test()), normaliser, options,
                    Double.parseDouble(opts.getOrDefault("tolerance", String.valueOf(ThresholdTuner.DEFAULT_TOLERANCE))),
                    Integer.parseInt(opts.getOrDefault("latency-calls", String.valueOf(DEFAULT_LATENCY_CALLS))),
                    model -> trained[0] = model);
            r.print(out);
            if (opts.containsKey("save-model")) {
                Path file = Path.of(opts.get("save-model"));
                try (OutputStream os = Files.newOutputStream(file)) {
                    trained[0].save(os);
                }
                out.printf(Locale.ROOT, "model_saved=%s bytes=%d%n", file, Files.size(file));
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            out.println("nlu-eval: " + e.getMessage());
            return 2;
        }
    }

    /** The whole protocol; exposed for tests that run it on a sample. */
    public static Report evaluate(String name, Benchmarks.Splits splits, TextNormaliser normaliser, ModelOptions options,
                                  double tolerance) {
        return evaluate(name, splits, normaliser, options, tolerance, DEFAULT_LATENCY_CALLS);
    }

    /** @param latencyCalls timed classify calls (after five times as many warm-up calls: on one core the JIT otherwise compiles during the timing); tests pass a few hundred */
    public static Report evaluate(String name, Benchmarks.Splits splits, TextNormaliser normaliser, ModelOptions options,
                                  double tolerance, int latencyCalls) {
        return evaluate(name, splits, normaliser, options, tolerance, latencyCalls, model -> { });
    }

    /** @param trainedModel is handed the model trained on the train split (to save it) */
    public static Report evaluate(String name, Benchmarks.Splits splits, TextNormaliser normaliser, ModelOptions options,
                                  double tolerance, int latencyCalls, Consumer<IntentModel> trainedModel) {
        Runtime rt = Runtime.getRuntime();
        long heapBefore = usedHeap(rt);
        long start = System.nanoTime();
        OpenNlpIntentClassifier trained = OpenNlpIntentClassifier.builder().normaliser(normaliser)
                .training(splits.train()).options(options).build();
        long trainMs = (System.nanoTime() - start) / 1_000_000;
        long heap = Math.max(0, usedHeap(rt) - heapBefore);
        trainedModel.accept(trained.model());

        Optional<ThresholdTuner.Choice> tuned = splits.val().isEmpty() ? Optional.empty()
                : Optional.of(ThresholdTuner.tune(trained, splits.val(), tolerance));
        boolean learnsOutOfScope = splits.train().stream().anyMatch(e -> isOutOfScope(e.intent()));
        // xSID has no out-of-scope rows at all: a threshold could only turn right answers wrong.
        double threshold = tuned.map(ThresholdTuner.Choice::threshold)
                .orElse(learnsOutOfScope ? trained.threshold() : 0.0);
        // No kept scores: the latency below times the test texts again and again, which would all be look-ups.
        OpenNlpIntentClassifier classifier = OpenNlpIntentClassifier.builder().normaliser(normaliser)
                .model(trained.model()).threshold(threshold).keptScores(0).build();

        // Warm up the JIT on training and test text alike (answers unused), so latency measures
        // the steady state: on one core, C2 recompiling classify() after a first UTF-16 text
        // (xSID's "…") otherwise shows up as millisecond spikes in the timed calls.
        List<Example> warm = new ArrayList<>(splits.train());
        warm.addAll(splits.test());
        for (int k = 0; k < 5 * latencyCalls && !warm.isEmpty(); k++) {
            classifier.classify(warm.get(k % warm.size()).text());
        }
        List<Example> test = splits.test();
        List<String> predicted = new ArrayList<>(test.size());
        int entityTotal = 0;
        int entityRight = 0;
        for (Example example : test) {
            Intent intent = classifier.classify(example.text());
            predicted.add(intent.name());
            for (Map.Entry<String, String> e : example.entities().entrySet()) {
                entityTotal++;
                if (e.getValue().equalsIgnoreCase(intent.entities().getOrDefault(e.getKey(), ""))) {
                    entityRight++;
                }
            }
        }
        // Latency over at least 10,000 calls (the test texts again and again): a p99 over 126
        // calls is the second-slowest call, i.e. noise.
        int rounds = test.isEmpty() ? 0 : (int) Math.ceil((double) latencyCalls / test.size());
        long[] nanos = new long[rounds * test.size()];
        for (int round = 0, k = 0; round < rounds; round++) {
            for (Example example : test) {
                long t0 = System.nanoTime();
                classifier.classify(example.text());
                nanos[k++] = System.nanoTime() - t0;
            }
        }
        java.util.Arrays.sort(nanos);
        return Metrics.report(name, tuned, test, predicted, threshold, trainMs, heap,
                nanos.length == 0 ? 0 : nanos[nanos.length / 2] / 1_000.0,
                nanos.length == 0 ? 0 : nanos[(int) Math.min(nanos.length - 1, Math.ceil(nanos.length * 0.99) - 1)] / 1_000.0,
                entityTotal, entityRight, splits.train().size());
    }

    /**
     * The figures one evaluation reports. Accuracies are fractions in [0, 1]: {@code accuracy} over
     * every test message (out-of-scope ones included: the Kanal held-out target), {@code inScopeAccuracy}
     * over in-scope ones only (CLINC150's figure).
     */
    public record Report(String dataset, Optional<ThresholdTuner.Choice> validation, int trainSize, int testSize,
                         double accuracy, double inScopeAccuracy,
                         Optional<Double> outOfScopeRecall, double macroF1, double threshold, double p50Micros,
                         double p99Micros, long trainMillis, long heapBytes, int entitiesExpected, int entitiesRight) {
        void print(PrintStream out) {
            out.printf(Locale.ROOT, "dataset=%s train=%d test=%d threshold=%.4f%n", dataset, trainSize, testSize, threshold);
            validation.ifPresent(v -> out.printf(Locale.ROOT, "val_in_scope_accuracy=%.2f%% val_oos_recall=%.2f%%%n",
                    100 * v.inScopeAccuracy(), 100 * v.outOfScopeRecall()));
            out.printf(Locale.ROOT, "intent_accuracy=%.2f%%%n", 100 * accuracy);
            out.printf(Locale.ROOT, "in_scope_accuracy=%.2f%%%n", 100 * inScopeAccuracy);
            out.println("oos_recall=" + outOfScopeRecall.map(v -> String.format(Locale.ROOT, "%.2f%%", 100 * v))
                    .orElse("n/a"));
            out.printf(Locale.ROOT, "macro_f1=%.2f%%%n", 100 * macroF1);
            if (entitiesExpected > 0) {
                out.printf(Locale.ROOT, "entities_right=%.2f%% (%d/%d)%n", 100.0 * entitiesRight / entitiesExpected,
                        entitiesRight, entitiesExpected);
            }
            out.printf(Locale.ROOT, "latency_p50=%.1fus latency_p99=%.1fus%n", p50Micros, p99Micros);
            out.printf(Locale.ROOT, "training_ms=%d model_heap_mb=%.1f%n", trainMillis, heapBytes / 1048576.0);
        }
    }

    private static long usedHeap(Runtime rt) {
        for (int k = 0; k < 3; k++) {
            System.gc(); // an estimate only: good enough to tell 5 MB from 500 MB
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static List<Example> limit(List<Example> train, int perIntent) {
        if (perIntent <= 0) {
            return train;
        }
        Map<String, Integer> seen = new HashMap<>();
        List<Example> out = new ArrayList<>();
        for (Example e : train) {
            if (seen.merge(e.intent(), 1, Integer::sum) <= perIntent) {
                out.add(e);
            }
        }
        return out;
    }

    private static String require(Map<String, String> opts, String key) {
        String v = opts.get(key);
        if (v == null) {
            throw new IllegalArgumentException("--" + key + " is required for this dataset");
        }
        return v;
    }

    private static int usage(PrintStream out) {
        out.println("usage: nlu-eval --dataset clinc150|xsid|kanal [--path P] [--lexicon CSV] "
                + "[--algorithm MAXENT|MAXENT_QN|PERCEPTRON|NAIVEBAYES] [--iterations N] [--cutoff N] [--l2 X] [--save-model FILE]");
        return 2;
    }

    static boolean isOutOfScope(String intent) {
        return Intents.OUT_OF_SCOPE.equals(intent);
    }
}
