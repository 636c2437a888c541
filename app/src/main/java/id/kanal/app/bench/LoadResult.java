package id.kanal.app.bench;

import java.time.Duration;

/**
 * What one load run measured.
 *
 * @param sortedNanos the latency of every measured request, ascending
 * @param warmedUp    how long the warm-up before the measured part lasted
 * @param errors      answers other than 200, and broken connections
 */
record LoadResult(long[] sortedNanos, Duration measured, Duration warmedUp, long errors) {
    long requests() {
        return sortedNanos.length;
    }

    double perSecond() {
        return sortedNanos.length / (measured.toNanos() / 1e9);
    }

    /** The latency at percentile {@code p} (0-100), in milliseconds. */
    double percentileMillis(double p) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        // the nearest-rank percentile; the epsilon keeps 99.9% of 1000 at rank 999 despite binary fractions
        int index = (int) Math.ceil(p * sortedNanos.length / 100.0 - 1e-9) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
    }
}
