package id.kanal.services.timetable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Fuzzy stop search over one index: station codes ("TNG"), exact names, prefixes, words,
 * substrings ("poris" finds "Term. Poris Plawad"), then typos within two edits ("tanggerang").
 * Platforms of one station (same parent or same name in a feed) count once.
 *
 * <p>Speed matters: the intent classifier asks for every place-like span of a message, and the
 * TransJakarta feed alone has 8,587 stops. So the cheap matches run first and the typo pass is
 * skipped when it could not change the answer (a typo scores at most 50, below every cheap
 * match), and the typo pass computes an edit distance only when two counting tests say one within
 * the limit is possible at all: each distinct letter of the query missing from the name costs an
 * edit, and one edit breaks at most two of the query's letter pairs, so more than twice the
 * allowed edits of pairs missing from the name rule it out. The shortcuts give exactly the answers
 * the full comparison would.
 */
final class StopSearch {
    /** The best score a typo can reach: 50 for the name, plus 15 when the stop's kind matches the query's. */
    private static final int TYPO_CEILING = 50;
    private static final int KIND_BONUS = 15;
    private static final long SPACE = 1L << 36;

    private final String[] keys;
    private final long[] keyMasks;
    private final long[] keyPairs;
    private final int[] keyLengths;
    private final int[] longestWords;
    /**
     * The words of every key, stop after stop in flat arrays (stop i's are firstWord[i] up to
     * firstWord[i + 1]): where each starts and ends in its key, its letters and its letter pairs.
     * Flat, because the typo pass reads them for every stop and arrays of arrays miss the cache.
     */
    private final int[] firstWord;
    private final int[] wordStarts;
    private final int[] wordEnds;
    private final long[] wordMasks;
    private final long[] wordPairs;
    private final String[] codes;
    private final String[] kinds;
    private final int[] groups;
    /** Every key, each followed by a newline, and where each starts: one indexOf pass finds every name holding the query. */
    private final String haystack;
    private final int[] starts;
    /** The stops that have a code. */
    private final int[] coded;

    StopSearch(String[] names, String[] codes, int[] groups) {
        int n = names.length;
        this.keys = new String[n];
        this.keyMasks = new long[n];
        this.keyPairs = new long[n];
        this.kinds = new String[n];
        this.keyLengths = new int[n];
        this.longestWords = new int[n];
        this.firstWord = new int[n + 1];
        List<int[]> spans = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String key = StopNames.key(names[i]);
            keys[i] = key;
            keyMasks[i] = mask(key, 0, key.length());
            keyPairs[i] = pairs(key, 0, key.length());
            kinds[i] = StopNames.kind(names[i]);
            keyLengths[i] = key.length();
            firstWord[i] = spans.size();
            int at = 0;
            for (String w : key.split(" ")) {
                spans.add(new int[] {i, at, at + w.length()});
                longestWords[i] = Math.max(longestWords[i], w.length());
                at += w.length() + 1; // keys are single-spaced (StopNames.normalize)
            }
        }
        firstWord[n] = spans.size();
        int total = spans.size();
        this.wordStarts = new int[total];
        this.wordEnds = new int[total];
        this.wordMasks = new long[total];
        this.wordPairs = new long[total];
        for (int k = 0; k < total; k++) {
            int[] span = spans.get(k);
            wordStarts[k] = span[1];
            wordEnds[k] = span[2];
            wordMasks[k] = mask(keys[span[0]], span[1], span[2]);
            wordPairs[k] = pairs(keys[span[0]], span[1], span[2]);
        }
        this.codes = codes;
        this.groups = groups;
        StringBuilder all = new StringBuilder();
        this.starts = new int[n];
        List<Integer> coded = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            starts[i] = all.length();
            all.append(keys[i]).append('\n');
            if (codes[i] != null) {
                coded.add(i);
            }
        }
        this.haystack = all.toString();
        this.coded = coded.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Stop indices, best first, one per group. */
    List<Integer> search(String query, int limit) {
        StopQuery sq = StopQuery.of(query);
        if (sq.key().isEmpty() || limit <= 0) {
            return List.of();
        }
        String q = sq.key();
        List<StopHit> hits = new ArrayList<>();
        int[] cheap = cheapScores(q, sq.code());
        boolean[] matched = new boolean[keys.length];
        for (int i = 0; i < keys.length; i++) {
            int score = adjusted(cheap[i], sq.kind(), i);
            if (score > 0) {
                hits.add(new StopHit(i, score));
                matched[i] = true;
            }
        }
        // Typos can only matter when fewer than `limit` places beat the best score a typo can reach.
        int ceiling = TYPO_CEILING + (sq.kind().isEmpty() ? 0 : KIND_BONUS);
        if (sq.edits() > 0 && distinctGroupsAbove(hits, ceiling, limit) < limit) {
            long qMask = mask(q, 0, q.length());
            int[] qPairs = pairList(q);
            for (int i = 0; i < keys.length; i++) {
                if (!matched[i]) {
                    int score = adjusted(typoScore(q, qMask, qPairs, sq.words(), i, sq.edits()), sq.kind(), i);
                    if (score > 0) {
                        hits.add(new StopHit(i, score));
                    }
                }
            }
        }
        return StopHit.bestPerGroup(hits, keys, groups, limit);
    }

    /** "terminal poris" means the terminal: a stop of the asked kind gains, another kind loses. */
    private int adjusted(int score, String kind, int i) {
        if (score > 0 && !kind.isEmpty() && !kinds[i].isEmpty()) {
            return score + (kind.equals(kinds[i]) ? KIND_BONUS : -KIND_BONUS);
        }
        return score;
    }

    private int distinctGroupsAbove(List<StopHit> hits, int ceiling, int enough) {
        Set<Integer> seen = new HashSet<>();
        for (StopHit h : hits) {
            if (h.score() > ceiling && seen.add(groups[h.stop()]) && seen.size() >= enough) {
                break;
            }
        }
        return seen.size();
    }

    /**
     * Per stop: code 100, exact name 90, name prefix 80, a word's prefix 70, substring (3+ letters)
     * 60, none 0. The names holding the query are found by one scan of {@link #haystack}.
     */
    private int[] cheapScores(String q, String upper) {
        int[] best = new int[keys.length];
        for (int i : coded) {
            if (codes[i].equalsIgnoreCase(upper)) {
                best[i] = 100;
            }
        }
        for (int at = haystack.indexOf(q); at >= 0; at = haystack.indexOf(q, at + 1)) {
            int i = stopAt(at);
            int pos = at - starts[i];
            int score = pos == 0 ? (keys[i].length() == q.length() ? 90 : 80)
                    : keys[i].charAt(pos - 1) == ' ' ? 70 : q.length() >= 3 ? 60 : 0;
            best[i] = Math.max(best[i], score);
        }
        return best;
    }

    /** The stop whose key holds haystack position {@code at}. */
    private int stopAt(int at) {
        int i = java.util.Arrays.binarySearch(starts, at);
        return i >= 0 ? i : -i - 2;
    }

    /** The whole name within the allowed edits: 50 - 5 per edit; a window of its words: 40 - 5 per edit; a word's typo'd prefix: 30. */
    private int typoScore(String q, long qMask, int[] qPairs, int qWords, int i, int edits) {
        int shortest = q.length() - edits;
        if (keyLengths[i] < shortest || qWords == 1 && longestWords[i] < shortest
                && Math.abs(keyLengths[i] - q.length()) > edits) {
            return 0; // the name (or, for one word, each of its words) is too short for any comparison below
        }
        if (Math.abs(keyLengths[i] - q.length()) <= edits && Long.bitCount(qMask & ~keyMasks[i]) <= edits
                && missing(qPairs, keyPairs[i]) <= 2 * edits) {
            String key = keys[i];
            int d = StopNames.distance(q, key, 0, key.length(), edits);
            if (d <= edits) {
                return 50 - d * 5;
            }
        }
        // A typo in one word of a longer name ("porris plawad", "batu cepr"): compare word windows.
        int first = firstWord[i];
        int words = firstWord[i + 1] - first;
        if (qWords == words) {
            return 0; // the whole name was compared above
        }
        boolean prefixes = q.length() >= 5;
        for (int w = 0; w + qWords <= words; w++) {
            int start = wordStarts[first + w];
            int length = wordEnds[first + w + qWords - 1] - start;
            if (Math.abs(length - q.length()) > edits && !(prefixes && length > q.length())) {
                continue; // too short or too long for either comparison below
            }
            long windowMask = qWords > 1 ? SPACE : 0; // the window holds the spaces between its words
            long windowPairs = 0;
            String key = keys[i];
            for (int k = first + w; k < first + w + qWords; k++) {
                windowMask |= wordMasks[k];
                windowPairs |= wordPairs[k];
                if (k > first + w) { // the pairs across the space before this word
                    windowPairs |= 1L << pair(key.charAt(wordStarts[k] - 2), ' ') | 1L << pair(' ', key.charAt(wordStarts[k]));
                }
            }
            if (Long.bitCount(qMask & ~windowMask) > edits || missing(qPairs, windowPairs) > 2 * edits) {
                continue; // neither the window nor its prefix can be within the allowed edits
            }
            int dw = StopNames.distance(q, key, start, length, edits);
            if (dw <= edits) {
                return 40 - dw * 5;
            }
            if (prefixes && length > q.length() && StopNames.distance(q, key, start, q.length(), edits) <= edits) {
                return 30;
            }
        }
        return 0;
    }

    /** Adjacent letter pairs of {@code s[from, to)}, hashed to 64 bits. */
    static long pairs(String s, int from, int to) {
        long m = 0;
        for (int k = from + 1; k < to; k++) {
            m |= 1L << pair(s.charAt(k - 1), s.charAt(k));
        }
        return m;
    }

    /** The query's letter pairs, position by position (a pair that occurs twice counts twice). */
    private static int[] pairList(String q) {
        int[] out = new int[Math.max(0, q.length() - 1)];
        for (int k = 1; k < q.length(); k++) {
            out[k - 1] = pair(q.charAt(k - 1), q.charAt(k));
        }
        return out;
    }

    /** How many of the query's pair positions hash to a bit the name lacks: none of those pairs occur in it. */
    private static int missing(int[] qPairs, long namePairs) {
        int n = 0;
        for (int p : qPairs) {
            if ((namePairs & (1L << p)) == 0) {
                n++;
            }
        }
        return n;
    }

    private static int pair(char a, char b) {
        return ((a * 131 + b) * 0x9E3779B1) >>> 26;
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
