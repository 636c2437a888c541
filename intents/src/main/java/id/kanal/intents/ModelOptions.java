package id.kanal.intents;

import java.util.Objects;

/**
 * How the intent model is trained: the OpenNLP trainer ({@code MAXENT} is GIS,
 * {@code MAXENT_QN} L-BFGS with L2, {@code PERCEPTRON}, {@code NAIVEBAYES}) or {@link #SOFTMAX}, its iterations and
 * the feature cutoff (features seen fewer times are dropped).
 */
public record ModelOptions(String algorithm, int iterations, int cutoff, double l2) {
    /** Kanal's own SGD maxent ({@link SoftmaxModel}); {@code iterations} counts epochs. */
    public static final String SOFTMAX = "SOFTMAX";

    public ModelOptions {
        Objects.requireNonNull(algorithm, "algorithm");
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1: " + iterations);
        }
        if (cutoff < 0) {
            throw new IllegalArgumentException("cutoff must be >= 0: " + cutoff);
        }
    }

    /** Kanal's own model: small data, measured best (see the module README). */
    public static ModelOptions defaults() {
        return new ModelOptions("MAXENT", 200, 1, 0.0);
    }
}
