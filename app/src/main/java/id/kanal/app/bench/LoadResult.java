package id.kanal.app.bench;

import java.time.Duration;

/**
 * What one load run measured.
 *
 * @param sortedNanos the latency of every measured request, ascending
 * @param byKind      the same by kind of request ({@link HttpLoad.Requests#kind}), each ascending
 * @param warmedUp    how long the warm-up before the measured part lasted
 * @param errors      answers other than 200, and broken connections
 */
record LoadResult(long[] sortedNanos, java.util.List<long[]> byKind, Duration measured, Duration warmedUp, long errors) {
    long requests() {
        return sortedNanos.length;
    }

    double perSecond() {
        return sortedNanos.length / (measured.toNanos() / 1e9);
    }

    /** The latency at percentile {@code p} (0-100), in milliseconds. */
    double percentileMillis(double p) {
        return percentileMillis(sortedNanos, p);
    }

    /** The latency at percentile {@code p} of one kind of request, in milliseconds (0 when it had none). */
    double percentileMillis(int kind, double p) {
        return kind < byKind.size() ? percentileMillis(byKind.get(kind), p) : 0;
    }

    private static double percentileMillis(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        // the nearest-rank percentile; the epsilon keeps 99.9% of 1000 at rank 999 despite binary fractions
        int index = (int) Math.ceil(p * sorted.length / 100.0 - 1e-9) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
