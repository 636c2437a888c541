package id.kanal.services;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The median of durations, computed in Java because SQLite has no percentile function; the samples
 * the figures use (a month of handoffs or resolutions) are small.
 */
public final class Median {
    private Median() {
    }

    /** The middle value (the mean of the two middle ones for an even count); empty without samples. */
    public static OptionalDouble of(List<Long> samples) {
        if (samples.isEmpty()) {
            return OptionalDouble.empty();
        }
        List<Long> v = new ArrayList<>(samples);
        v.sort(null);
        int n = v.size();
        return OptionalDouble.of(n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2.0);
    }
}
