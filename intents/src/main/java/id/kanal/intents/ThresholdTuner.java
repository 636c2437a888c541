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

    /** The threshold picked and what it scored on the validation split. */
    public record Choice(double threshold, double inScopeAccuracy, double outOfScopeRecall) {
    }

    public static Choice tune(OpenNlpIntentClassifier classifier, List<Example> validation) {
        return tune(classifier, validation, 1.0);
    }

    /**
     * @param outOfScopeWeight how much one point of out-of-scope recall is worth against one point
     *                         of in-scope accuracy
     */
    public static Choice tune(OpenNlpIntentClassifier classifier, List<Example> validation, double outOfScopeWeight) {
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
        Choice chosen = new Choice(0, 0, 0);
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
            double inAccuracy = inScope == 0 ? 0 : (double) inRight / inScope;
            double oosRecall = outOfScope == 0 ? 0 : (double) oosRight / outOfScope;
            double score = inAccuracy + outOfScopeWeight * oosRecall;
            if (score > bestScore + 1e-12) {
                bestScore = score;
                chosen = new Choice(t, inAccuracy, oosRecall);
            }
            if (System.getenv("KANAL_NLU_CURVE") != null && step % 5 == 0) {
                System.out.printf(java.util.Locale.ROOT, "val t=%.2f in=%.4f oos=%.4f%n", t, inAccuracy, oosRecall);
            }
        }
        return chosen;
    }
}
