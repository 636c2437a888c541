package id.kanal.dialog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds which of a list of named things a message names: the one with the longest name found in
 * it, the earlier item among names of equal length. The names are simplified once, longest first,
 * for lists asked about on every turn (the price board's commodities and markets).
 */
final class NameMatch<T> {
    private final List<T> source;
    private final List<Named<T>> longestFirst;

    private NameMatch(List<T> source, List<Named<T>> longestFirst) {
        this.source = source;
        this.longestFirst = longestFirst;
    }

    /**
     * @param names every name an item goes by (canonical name, synonyms)
     */
    static <T> NameMatch<T> of(List<T> items, Function<T, List<String>> names) {
        List<Named<T>> all = new ArrayList<>();
        for (T item : items) {
            for (String name : names.apply(item)) {
                String n = Words.simplify(name);
                if (!n.isEmpty()) {
                    all.add(new Named<>(item, " " + n + " ", n.length()));
                }
            }
        }
        // A stable sort: among names of one length, the earlier item stays first.
        all.sort(Comparator.comparingInt((Named<T> x) -> x.length).reversed());
        return new NameMatch<>(items, List.copyOf(all));
    }

    /** Whether this was built from exactly this list (the board hands out the same list until an import). */
    boolean isOf(List<T> items) {
        return items == source;
    }

    Optional<T> longestIn(String message) {
        String padded = " " + Words.simplify(message) + " ";
        for (Named<T> x : longestFirst) {
            if (padded.contains(x.padded)) {
                return Optional.of(x.item);
            }
        }
        return Optional.empty();
    }

    private record Named<T>(T item, String padded, int length) {
    }
}
