package id.kanal.intents;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Normalised phrases (one to a few words) mapped to a canonical value, matched longest first
 * at the earliest position. Built once per vocabulary; read-only afterwards, so thread-safe.
 */
final class Phrases {
    private final Map<String, String> map = new HashMap<>();
    /**
     * The most words of a phrase by its first word: {@link #longest} tries only the positions where
     * a phrase can start, and only as many words as the longest one there (a join per position and
     * length, for every word of every message, was a tenth of classify's garbage).
     */
    private final Map<String, Integer> wordsByFirst = new HashMap<>();

    void put(String phrase, String value) {
        if (phrase.isEmpty()) {
            return;
        }
        map.put(phrase, value);
        String[] words = phrase.split(" ");
        wordsByFirst.merge(words[0], words.length, Math::max);
    }

    void putIfAbsent(String phrase, String value) {
        if (!map.containsKey(phrase)) {
            put(phrase, value);
        }
    }

    Optional<String> lookup(String phrase) {
        return Optional.ofNullable(map.get(phrase));
    }

    /** The first position's longest phrase. */
    Optional<String> longest(List<String> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            Integer most = wordsByFirst.get(tokens.get(i));
            if (most == null) {
                continue;
            }
            for (int n = Math.min(most, tokens.size() - i); n >= 1; n--) {
                String v = map.get(String.join(" ", tokens.subList(i, i + n)));
                if (v != null) {
                    return Optional.of(v);
                }
            }
        }
        return Optional.empty();
    }
}
