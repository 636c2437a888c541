package id.kanal.dialog;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Finds which of a list of named things a message names: the one with the longest name found in it. */
final class NameMatch {
    private NameMatch() {
    }

    /**
     * @param names every name an item goes by (canonical name, synonyms), lower case
     */
    static <T> Optional<T> longestIn(String message, List<T> items, Function<T, List<String>> names) {
        String padded = " " + Words.simplify(message) + " ";
        T best = null;
        int bestLength = 0;
        for (T item : items) {
            for (String name : names.apply(item)) {
                String n = Words.simplify(name);
                if (!n.isEmpty() && n.length() > bestLength && padded.contains(" " + n + " ")) {
                    best = item;
                    bestLength = n.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }
}
