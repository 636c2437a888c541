package id.kanal.app.bench;

import java.time.Duration;

/**
 * How long a target is warmed up before it is measured: at least {@code min}, then until its
 * JIT compilers are quiet, at most {@code max}.
 */
record Warmup(Duration min, Duration max) {
    Warmup {
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("the longest warm-up (" + max.toSeconds()
                    + " s) is shorter than the shortest (" + min.toSeconds() + " s)");
        }
    }
}
