package id.kanal.dialog;

import id.kanal.dialog.port.ScheduleService;
import id.kanal.dialog.port.Stop;
import id.kanal.dialog.port.TransitMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Both ends of a departure question resolved together ("bus dari poris ke cikokol"): among the
 * fuzzy candidates for each end, a pair some trip connects wins over names no trip links, and a
 * mode the resident named ("kereta", "bus") keeps the stops of that mode. Only when several
 * connected pairs are equally plain is the resident asked, about the origin first.
 */
public final class StopPairs {
    /** What resolving the two ends came to. */
    public sealed interface Resolution {
        /** One connected pair stood out. */
        record Pair(Stop from, Stop to) implements Resolution {
        }

        /** Several origins are equally good: ask which; the destination is resolved after. */
        record ChooseFrom(List<Stop> choices) implements Resolution {
            public ChooseFrom {
                choices = List.copyOf(choices);
            }
        }

        /** The origin is clear, several destinations are equally good. */
        record ChooseTo(Stop from, List<Stop> choices) implements Resolution {
            public ChooseTo {
                Objects.requireNonNull(from, "from");
                choices = List.copyOf(choices);
            }
        }

        /** No trip links any candidate pair: each end is resolved on its own (and the answer says so). */
        record Unconnected() implements Resolution {
        }
    }

    private final ScheduleService schedules;
    private final int limit;

    public StopPairs(ScheduleService schedules, int limit) {
        this.schedules = Objects.requireNonNull(schedules, "schedules");
        this.limit = limit;
    }

    /** The stops matching the words, best first; only those of the mode named when some are. */
    public List<Stop> candidates(String words, Optional<TransitMode> mode) {
        if (mode.isEmpty()) {
            return schedules.findStops(words, limit);
        }
        // Ask for more: the stop of the named mode may rank below others of the same name.
        List<Stop> found = schedules.findStops(words, 2 * limit);
        List<Stop> ofMode = found.stream().filter(s -> schedules.modes(s.id()).contains(mode.get())).toList();
        return (ofMode.isEmpty() ? found : ofMode).stream().limit(limit).toList();
    }

    /** Both ends from the resident's words. */
    public Resolution resolve(String fromWords, String toWords, Optional<TransitMode> mode) {
        return resolve(fromWords, candidates(fromWords, mode), toWords, candidates(toWords, mode));
    }

    Resolution resolve(String fromWords, List<Stop> fromFound, String toWords, List<Stop> toFound) {
        record Scored(Stop from, Stop to, int score) {
        }
        List<Scored> pairs = new ArrayList<>();
        for (Stop f : fromFound) {
            for (Stop t : toFound) {
                if (!f.id().equals(t.id()) && schedules.connects(f.id(), t.id())) {
                    pairs.add(new Scored(f, t, (plainly(fromWords, f) ? 0 : 1) + (plainly(toWords, t) ? 0 : 1)));
                }
            }
        }
        if (pairs.isEmpty()) {
            return new Resolution.Unconnected();
        }
        int best = pairs.stream().mapToInt(Scored::score).min().orElseThrow();
        List<Scored> good = pairs.stream().filter(p -> p.score() == best).toList();
        if (good.size() == 1) {
            return new Resolution.Pair(good.getFirst().from(), good.getFirst().to());
        }
        List<Stop> froms = good.stream().map(Scored::from).distinct().toList();
        if (froms.size() == 1) {
            return new Resolution.ChooseTo(froms.getFirst(), good.stream().map(Scored::to).distinct().toList());
        }
        return new Resolution.ChooseFrom(froms);
    }

    /** The destination candidates; those some trip reaches from the origin when there are any. */
    public List<Stop> destinations(String fromStopId, String toWords, Optional<TransitMode> mode) {
        List<Stop> found = candidates(toWords, mode);
        List<Stop> reached = found.stream().filter(s -> schedules.connects(fromStopId, s.id())).toList();
        return reached.isEmpty() ? found : reached;
    }

    /** One stop when the words name it plainly (its name or code), or when only one matched. */
    static Optional<Stop> single(String words, List<Stop> found) {
        if (found.size() == 1) {
            return Optional.of(found.getFirst());
        }
        return found.stream().filter(s -> plainly(words, s)).findFirst();
    }

    /** Whether the words are the stop's name (without "stasiun", "halte") or its code. */
    static boolean plainly(String words, Stop s) {
        String w = plain(words);
        return plain(s.name()).equals(w) || s.code().map(code -> code.equalsIgnoreCase(w)).orElse(false);
    }

    /** A stop name without the words people put before it ("stasiun", "st.", "halte", "terminal"). */
    static String plain(String name) {
        String s = Words.simplify(name).toLowerCase(Locale.ROOT);
        for (String prefix : List.of("stasiun ", "station ", "st ", "halte ", "terminal ", "term ", "stop ")) {
            if (s.startsWith(prefix)) {
                s = s.substring(prefix.length());
            }
        }
        return s.strip();
    }
}
