package id.kanal.intents;

import id.kanal.dialog.port.ScheduleService;
import id.kanal.dialog.port.Stop;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the timetable's stops for a resident's spelling, best first. {@code ScheduleService::findStops}
 * is one; {@link #of(List, TextNormaliser)} matches a fixed list (the built-in region).
 */
@FunctionalInterface
public interface StopFinder {
    List<Stop> find(String query, int limit);

    /** The timetable itself: imported GTFS stops are understood without retraining. */
    static StopFinder of(ScheduleService schedule) {
        Objects.requireNonNull(schedule, "schedule");
        return schedule::findStops;
    }

    /**
     * A fixed list: a stop matches when the query, without words like "stasiun" or "halte",
     * equals its name or code, or starts its name ("poris" finds "Terminal Poris Plawad").
     * Exact matches come first.
     */
    static StopFinder of(List<Stop> stops, TextNormaliser normaliser) {
        List<Stop> copy = List.copyOf(stops);
        // Normalise the names once, not on every query: this runs inside classify().
        List<String> names = new ArrayList<>(copy.size());
        for (Stop s : copy) {
            names.add(bare(normaliser.normalise(s.name())));
        }
        return (query, limit) -> {
            String q = bare(normaliser.normalise(query));
            if (q.isEmpty() || limit <= 0) {
                return List.of();
            }
            List<Stop> exact = new ArrayList<>();
            List<Stop> prefix = new ArrayList<>();
            for (int k = 0; k < copy.size(); k++) {
                Stop s = copy.get(k);
                String name = names.get(k);
                boolean code = s.code().map(c -> c.equalsIgnoreCase(q)).orElse(false);
                if (name.equals(q) || code) {
                    exact.add(s);
                } else if (name.startsWith(q + " ")) {
                    prefix.add(s);
                }
            }
            exact.addAll(prefix);
            return exact.size() > limit ? List.copyOf(exact.subList(0, limit)) : List.copyOf(exact);
        };
    }

    /** Words that say what kind of stop it is, not which one. */
    Set<String> KIND_WORDS = Set.of("stasiun", "st", "stasion", "halte", "terminal", "station", "stop", "bus");

    private static String bare(String normalised) {
        StringBuilder sb = new StringBuilder();
        for (String w : normalised.split(" ")) {
            if (!w.isEmpty() && !KIND_WORDS.contains(w)) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(w);
            }
        }
        return sb.toString();
    }
}
