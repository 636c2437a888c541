package id.kanal.intents;

import id.kanal.dialog.port.Intents;

import java.util.List;

/**
 * Picks the out-of-scope threshold on a validation split: the highest out-of-scope recall whose
 * in-scope accuracy stays within {@code tolerance} of the best in-scope accuracy any threshold
 * reaches. Why a tolerance and not "in-scope + recall": on CLINC150 the validation split holds
 * 3,000 in-scope and 100 out-of-scope rows, and an unweighted sum happily gives up ten points
 * of in-scope accuracy for recall. Never give it a test split.
 */
public final class ThresholdTuner {
    private static final System.Logger LOG = System.getLogger(ThresholdTuner.class.getName());

    private ThresholdTuner() {
    }

    /** The threshold picked and what it scored on the validation split. */
    public record Choice(double threshold, double inScopeAccuracy, double outOfScopeRecall) {
    }

    /** The default tolerance: half a point of in-scope accuracy. */
    public static final double DEFAULT_TOLERANCE = 0.005;

    public static Choice tune(OpenNlpIntentClassifier classifier, List<Example> validation) {
        return tune(classifier, validation, DEFAULT_TOLERANCE);
    }

    /** @param tolerance in-scope accuracy (a fraction) the threshold may give up for out-of-scope recall */
    public static Choice tune(OpenNlpIntentClassifier classifier, List<Example> validation, double tolerance) {
        int n = validation.size();
        String[] best = new String[n];
        double[] p = new double[n];
        for (int k = 0; k < n; k++) {
            OpenNlpIntentClassifier.Scored s = classifier.rawBest(validation.get(k).text());
            best[k] = s.intent();
            p[k] = s.probability();
        }
        return choose(best, p, validation, tolerance);
    }

    /**
     * The threshold for a model trained on {@code training} alone, by k-fold cross-validation
     * over it: each fold is scored by a model trained on the other folds. For data sets with no
     * validation split (Kanal's own); the held-out file is never involved.
     */
    public static Choice crossValidate(List<Example> training, TextNormaliser normaliser, ModelOptions options,
                                       int folds, double tolerance) {
        int n = training.size();
        String[] best = new String[n];
        double[] p = new double[n];
        for (int fold = 0; fold < folds; fold++) {
            List<Example> learn = new java.util.ArrayList<>();
            for (int k = 0; k < n; k++) {
                if (k % folds != fold) {
                    learn.add(training.get(k));
                }
            }
            OpenNlpIntentClassifier c = OpenNlpIntentClassifier.builder().normaliser(normaliser).training(learn)
                    .options(options).build();
            for (int k = fold; k < n; k += folds) {
                OpenNlpIntentClassifier.Scored s = c.rawBest(training.get(k).text());
                best[k] = s.intent();
                p[k] = s.probability();
            }
        }
        return choose(best, p, training, tolerance);
    }

    private static Choice choose(String[] best, double[] p, List<Example> validation, double tolerance) {
        int n = validation.size();
        int inScope = 0;
        int outOfScope = 0;
        for (int k = 0; k < n; k++) {
            if (Intents.OUT_OF_SCOPE.equals(validation.get(k).intent())) {
                outOfScope++;
            } else {
                inScope++;
            }
        }
        // Candidates are the validation scores themselves (at most ~400 quantiles), not a fixed
        // grid: a perceptron's probabilities all sit below 0.05, a maxent model's spread to 1.
        double[] sorted = p.clone();
        java.util.Arrays.sort(sorted);
        int stride = Math.max(1, n / 400);
        List<Choice> curve = new java.util.ArrayList<>();
        for (int c = -1; c < n; c += stride) {
            double t = c < 0 ? 0 : sorted[c];
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
            curve.add(new Choice(t, inAccuracy, oosRecall));
            // The curve, for tuning by hand: at debug level, not behind an undocumented variable.
            if ((c / stride) % 4 == 0) {
                LOG.log(System.Logger.Level.DEBUG, () -> String.format(java.util.Locale.ROOT,
                        "threshold curve t=%.4f in=%.4f oos=%.4f", t, inAccuracy, oosRecall));
            }
        }
        double bestIn = 0;
        for (Choice c : curve) {
            bestIn = Math.max(bestIn, c.inScopeAccuracy());
        }
        Choice chosen = curve.get(0);
        for (Choice c : curve) {
            boolean allowed = c.inScopeAccuracy() >= bestIn - tolerance - 1e-12;
            if (allowed && (c.outOfScopeRecall() > chosen.outOfScopeRecall()
                    || chosen.inScopeAccuracy() < bestIn - tolerance - 1e-12)) {
                chosen = c;
            }
        }
        System.getLogger(ThresholdTuner.class.getName()).log(System.Logger.Level.INFO,
                "threshold tuned value={0} val_in_scope={1} val_oos_recall={2}", String.valueOf(chosen.threshold()),
                String.valueOf(chosen.inScopeAccuracy()), String.valueOf(chosen.outOfScopeRecall()));
        return chosen;
    }
}
