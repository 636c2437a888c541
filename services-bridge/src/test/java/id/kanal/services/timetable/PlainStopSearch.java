package id.kanal.services.timetable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The stop search as first written, scoring every name in full (kept as the reference that
 * {@link StopSearch}'s shortcuts must agree with). Fuzzy stop search over one index: station codes ("TNG"), exact names, prefixes, words,
 * substrings ("poris" finds "Term. Poris Plawad"), then typos within two edits ("tanggerang").
 * Platforms of one station (same parent or same name in a feed) count once.
 */
final class PlainStopSearch {
    private final String[] keys;
    private final String[][] words;
    private final String[] codes;
    private final String[] kinds;
    private final int[] groups;

    PlainStopSearch(String[] names, String[] codes, int[] groups) {
        this.keys = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            keys[i] = StopNames.key(names[i]);
        }
        this.kinds = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            kinds[i] = StopNames.kind(names[i]);
        }
        this.words = new String[names.length][];
        for (int i = 0; i < names.length; i++) {
            words[i] = keys[i].split(" ");
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
        for (int i = 0; i < keys.length; i++) {
            int score = score(q, spacedQ, qWords, upper, i, edits);
            if (score > 0 && !kind.isEmpty() && !kinds[i].isEmpty()) {
                score += kind.equals(kinds[i]) ? 15 : -15; // "terminal poris" means the terminal
            }
            if (score > 0) {
                hits.add(new Hit(i, score));
            }
        }
        hits.sort(Comparator.comparingInt((Hit h) -> -h.score()).thenComparingInt(h -> keys[h.stop()].length())
                .thenComparing(h -> keys[h.stop()]));
        List<Integer> out = new ArrayList<>();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
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

    private int score(String q, String spacedQ, int qWords, String upper, int i, int edits) {
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
        if (edits == 0) {
            return 0;
        }
        int d = StopNames.distance(q, key, edits);
        if (d <= edits) {
            return 50 - d * 5;
        }
        // A typo in one word of a longer name ("porris plawad", "batu cepr"): compare word windows.
        String[] ws = words[i];
        if (qWords == ws.length) {
            return 0; // the whole name was compared above
        }
        for (int w = 0; w + qWords <= ws.length; w++) {
            String window = qWords == 1 ? ws[w] : String.join(" ", java.util.Arrays.copyOfRange(ws, w, w + qWords));
            int dw = StopNames.distance(q, window, edits);
            if (dw <= edits) {
                return 40 - dw * 5;
            }
            if (q.length() >= 5 && window.length() > q.length()
                    && StopNames.distance(q, window, 0, q.length(), edits) <= edits) {
                return 30;
            }
        }
        return 0;
    }
}
