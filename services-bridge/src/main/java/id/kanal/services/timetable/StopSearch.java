package id.kanal.services.timetable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Fuzzy stop search over one index: station codes ("TNG"), exact names, prefixes, words,
 * substrings ("poris" finds "Term. Poris Plawad"), then typos within two edits ("tanggerang").
 * Platforms of one station (same parent or same name in a feed) count once.
 *
 * <p>Speed matters: the intent classifier asks for every place-like span of a message, and the
 * TransJakarta feed alone has 8,587 stops. So the cheap matches run first and the typo pass is
 * skipped when it could not change the answer (a typo scores at most 50, below every cheap
 * match), and the typo pass compares a name only when a letter test says an edit distance within
 * the limit is possible at all (each distinct letter of the query missing from the name costs one
 * edit). Both shortcuts give exactly the answers the full comparison would.
 */
final class StopSearch {
    /** The best score a typo can reach: 50 for the name, plus 15 when the stop's kind matches the query's. */
    private static final int TYPO_CEILING = 50;
    private static final int KIND_BONUS = 15;
    private static final long SPACE = 1L << 36;

    private final String[] keys;
    private final long[] keyMasks;
    /** Per stop: where each word of the key starts and ends, and the letters it holds. */
    private final int[][] wordStarts;
    private final int[][] wordEnds;
    private final long[][] wordMasks;
    private final String[] codes;
    private final String[] kinds;
    private final int[] groups;

    StopSearch(String[] names, String[] codes, int[] groups) {
        int n = names.length;
        this.keys = new String[n];
        this.keyMasks = new long[n];
        this.kinds = new String[n];
        this.wordStarts = new int[n][];
        this.wordEnds = new int[n][];
        this.wordMasks = new long[n][];
        for (int i = 0; i < n; i++) {
            String key = StopNames.key(names[i]);
            keys[i] = key;
            keyMasks[i] = mask(key, 0, key.length());
            kinds[i] = StopNames.kind(names[i]);
            String[] ws = key.split(" ");
            wordStarts[i] = new int[ws.length];
            wordEnds[i] = new int[ws.length];
            wordMasks[i] = new long[ws.length];
            int at = 0;
            for (int w = 0; w < ws.length; w++) {
                wordStarts[i][w] = at;
                wordEnds[i][w] = at + ws[w].length();
                wordMasks[i][w] = mask(key, at, at + ws[w].length());
                at += ws[w].length() + 1; // keys are single-spaced (StopNames.normalize)
            }
        }
        this.codes = codes;
        this.groups = groups;
    }

    private record Hit(int stop, int score) {
    }

    /** Stop indices, best first, one per group. */
    List<Integer> search(String query, int limit) {
        String q = StopNames.key(query);
        if (q.isEmpty() || limit <= 0) {
            return List.of();
        }
        String upper = query.trim().toUpperCase(Locale.ROOT).replaceFirst("^(STASIUN|ST\\.?|HALTE)\\s+", "");
        int edits = StopNames.allowedEdits(q);
        String kind = StopNames.kind(query);
        int qWords = q.split(" ").length;
        String spacedQ = " " + q; // a word of the name starts with the query
        List<Hit> hits = new ArrayList<>();
        boolean[] matched = new boolean[keys.length];
        for (int i = 0; i < keys.length; i++) {
            int score = adjusted(cheapScore(q, spacedQ, upper, i), kind, i);
            if (score > 0) {
                hits.add(new Hit(i, score));
                matched[i] = true;
            }
        }
        // Typos can only matter when fewer than `limit` places beat the best score a typo can reach.
        int ceiling = TYPO_CEILING + (kind.isEmpty() ? 0 : KIND_BONUS);
        if (edits > 0 && distinctGroupsAbove(hits, ceiling, limit) < limit) {
            long qMask = mask(q, 0, q.length());
            for (int i = 0; i < keys.length; i++) {
                if (!matched[i]) {
                    int score = adjusted(typoScore(q, qMask, qWords, i, edits), kind, i);
                    if (score > 0) {
                        hits.add(new Hit(i, score));
                    }
                }
            }
        }
        hits.sort(Comparator.comparingInt((Hit h) -> -h.score()).thenComparingInt(h -> keys[h.stop()].length())
                .thenComparing(h -> keys[h.stop()]));
        List<Integer> out = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (Hit h : hits) {
            if (seen.add(groups[h.stop()])) {
                out.add(h.stop());
                if (out.size() == limit) {
                    break;
                }
            }
        }
        return out;
    }

    /** "terminal poris" means the terminal: a stop of the asked kind gains, another kind loses. */
    private int adjusted(int score, String kind, int i) {
        if (score > 0 && !kind.isEmpty() && !kinds[i].isEmpty()) {
            return score + (kind.equals(kinds[i]) ? KIND_BONUS : -KIND_BONUS);
        }
        return score;
    }

    private int distinctGroupsAbove(List<Hit> hits, int ceiling, int enough) {
        Set<Integer> seen = new HashSet<>();
        for (Hit h : hits) {
            if (h.score() > ceiling && seen.add(groups[h.stop()]) && seen.size() >= enough) {
                break;
            }
        }
        return seen.size();
    }

    /** Code, exact name, name prefix, word prefix, substring: 100 down to 60; 0 for none. */
    private int cheapScore(String q, String spacedQ, String upper, int i) {
        String key = keys[i];
        if (codes[i] != null && codes[i].equalsIgnoreCase(upper)) {
            return 100;
        }
        if (key.equals(q)) {
            return 90;
        }
        if (key.startsWith(q)) {
            return 80;
        }
        if (key.contains(spacedQ)) {
            return 70;
        }
        if (q.length() >= 3 && key.contains(q)) {
            return 60;
        }
        return 0;
    }

    /** The whole name within the allowed edits: 50 - 5 per edit; a window of its words: 40 - 5 per edit; a word's typo'd prefix: 30. */
    private int typoScore(String q, long qMask, int qWords, int i, int edits) {
        String key = keys[i];
        if (Long.bitCount(qMask & ~keyMasks[i]) <= edits) {
            int d = StopNames.distance(q, key, 0, key.length(), edits);
            if (d <= edits) {
                return 50 - d * 5;
            }
        }
        // A typo in one word of a longer name ("porris plawad", "batu cepr"): compare word windows.
        int words = wordStarts[i].length;
        if (qWords == words) {
            return 0; // the whole name was compared above
        }
        for (int w = 0; w + qWords <= words; w++) {
            long windowMask = qWords > 1 ? SPACE : 0; // the window holds the spaces between its words
            for (int k = w; k < w + qWords; k++) {
                windowMask |= wordMasks[i][k];
            }
            if (Long.bitCount(qMask & ~windowMask) > edits) {
                continue; // neither the window nor its prefix can be within the allowed edits
            }
            int start = wordStarts[i][w];
            int length = wordEnds[i][w + qWords - 1] - start;
            int dw = StopNames.distance(q, key, start, length, edits);
            if (dw <= edits) {
                return 40 - dw * 5;
            }
            if (q.length() >= 5 && length > q.length() && StopNames.distance(q, key, start, q.length(), edits) <= edits) {
                return 30;
            }
        }
        return 0;
    }

    /** The characters of {@code s[from, to)} as bits: a-z, 0-9, space, anything else. */
    static long mask(String s, int from, int to) {
        long m = 0;
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            int bit = c >= 'a' && c <= 'z' ? c - 'a' : c >= '0' && c <= '9' ? 26 + c - '0' : c == ' ' ? 36 : 37; // 36: SPACE
            m |= 1L << bit;
        }
        return m;
    }
}
