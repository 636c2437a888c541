package id.kanal.intents;

import id.kanal.dialog.port.Intents;

import java.util.List;

/**
 * Picks the out-of-scope threshold on a validation split: the one that maximises in-scope
 * accuracy plus out-of-scope recall (both count, whatever the sizes of the two parts). Never
 * give it a test split.
 */
public final class ThresholdTuner {
    private ThresholdTuner() {
    }

    public static double tune(OpenNlpIntentClassifier classifier, List<Example> validation) {
        int n = validation.size();
        String[] best = new String[n];
        double[] p = new double[n];
        int inScope = 0;
        int outOfScope = 0;
        for (int k = 0; k < n; k++) {
            OpenNlpIntentClassifier.Scored s = classifier.rawBest(validation.get(k).text());
            best[k] = s.intent();
            p[k] = s.probability();
            if (Intents.OUT_OF_SCOPE.equals(validation.get(k).intent())) {
                outOfScope++;
            } else {
                inScope++;
            }
        }
        double bestThreshold = 0;
        double bestScore = -1;
        for (int step = 0; step <= 100; step++) {
            double t = step / 100.0;
            int inRight = 0;
            int oosRight = 0;
            for (int k = 0; k < n; k++) {
                String gold = validation.get(k).intent();
                String predicted = best[k].equals(Intents.OUT_OF_SCOPE) || p[k] < t ? Intents.OUT_OF_SCOPE : best[k];
                if (Intents.OUT_OF_SCOPE.equals(gold)) {
                    oosRight += predicted.equals(gold) ? 1 : 0;
                } else {
                    inRight += predicted.equals(gold) ? 1 : 0;
                }
            }
            double score = (inScope == 0 ? 0 : (double) inRight / inScope)
                    + (outOfScope == 0 ? 0 : (double) oosRight / outOfScope);
            if (score > bestScore + 1e-12) {
                bestScore = score;
                bestThreshold = t;
            }
        }
        return bestThreshold;
    }
}
