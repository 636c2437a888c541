package id.kanal.services.timetable;

import java.util.ArrayList;
import java.util.List;

/**
 * The stop search as first written, scoring every name in full (kept as the reference that
 * {@link StopSearch}'s shortcuts must agree with; it reads the query ({@link StopQuery}) and ranks
 * the hits ({@link StopHit#bestPerGroup}) as the search does, so what the two are compared on is the scoring). Fuzzy stop search over one index: station codes ("TNG"), exact names, prefixes, words,
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

    /** Stop indices, best first, one per group. */
    List<Integer> search(String query, int limit) {
        StopQuery sq = StopQuery.of(query);
        if (sq.key().isEmpty() || limit <= 0) {
            return List.of();
        }
        String spacedQ = " " + sq.key(); // a word of the name starts with the query
        List<StopHit> hits = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            int score = score(sq.key(), spacedQ, sq.words(), sq.code(), i, sq.edits());
            if (score > 0 && !sq.kind().isEmpty() && !kinds[i].isEmpty()) {
                score += sq.kind().equals(kinds[i]) ? 15 : -15; // "terminal poris" means the terminal
            }
            if (score > 0) {
                hits.add(new StopHit(i, score));
            }
        }
        return StopHit.bestPerGroup(hits, keys, groups, limit);
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
