package id.kanal.intents.cli;

import id.kanal.dialog.port.Intents;
import id.kanal.intents.Example;
import id.kanal.intents.ThresholdTuner;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Accuracy, out-of-scope recall and macro-F1 as the CLINC150 paper defines them. */
final class Metrics {
    private Metrics() {
    }

    static NluEvalCommand.Report report(String name, Optional<ThresholdTuner.Choice> validation, List<Example> test, List<String> predicted, double threshold,
                                        long trainMs, long heap, double p50, double p99, int entityTotal,
                                        int entityRight, int trainSize) {
        int in = 0;
        int inRight = 0;
        int oos = 0;
        int oosRight = 0;
        Map<String, int[]> counts = new HashMap<>(); // tp, fp, fn
        Set<String> labels = new HashSet<>();
        for (int k = 0; k < test.size(); k++) {
            String gold = test.get(k).intent();
            String got = predicted.get(k);
            labels.add(gold);
            if (Intents.OUT_OF_SCOPE.equals(gold)) {
                oos++;
                oosRight += got.equals(gold) ? 1 : 0;
            } else {
                in++;
                // In-scope accuracy counts "out_of_scope" for an in-scope message as wrong (Larson et al.).
                inRight += got.equals(gold) ? 1 : 0;
            }
            if (got.equals(gold)) {
                counts.computeIfAbsent(gold, x -> new int[3])[0]++;
            } else {
                counts.computeIfAbsent(got, x -> new int[3])[1]++;
                counts.computeIfAbsent(gold, x -> new int[3])[2]++;
            }
        }
        double f1Sum = 0;
        for (String label : labels) {
            int[] c = counts.getOrDefault(label, new int[3]);
            double precision = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
            double recall = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
            f1Sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
        return new NluEvalCommand.Report(name, validation, trainSize, test.size(),
                test.isEmpty() ? 0 : (double) (inRight + oosRight) / test.size(), in == 0 ? 0 : (double) inRight / in,
                oos == 0 ? Optional.empty() : Optional.of((double) oosRight / oos),
                labels.isEmpty() ? 0 : f1Sum / labels.size(), threshold, p50, p99, trainMs, heap, entityTotal,
                entityRight);
    }
}
