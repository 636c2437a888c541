package id.kanal.services.timetable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A stop that matched a query, with its score (higher is better). */
record StopHit(int stop, int score) {
    /**
     * The answer of a search from its hits: best score first, then the shorter name, then the name;
     * one stop per group (the platforms of one station count once), at most {@code limit}.
     * Sorts {@code hits}.
     */
    static List<Integer> bestPerGroup(List<StopHit> hits, String[] keys, int[] groups, int limit) {
        hits.sort(Comparator.comparingInt((StopHit h) -> -h.score()).thenComparingInt(h -> keys[h.stop()].length())
                .thenComparing(h -> keys[h.stop()]));
        List<Integer> out = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (StopHit h : hits) {
            if (seen.add(groups[h.stop()])) {
                out.add(h.stop());
                if (out.size() == limit) {
                    break;
                }
            }
        }
        return out;
    }
}
