package id.kanal.services.timetable;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/** How stop names are compared: lower case, letters and digits only, without the words residents add or drop. */
final class StopNames {
    /** "Stasiun Tangerang", "St. Tangerang", "Halte Cikokol", "Term. Poris Plawad": the place is the rest. */
    private static final Set<String> PREFIXES = Set.of("stasiun", "stasion", "st", "stn", "halte", "hlt",
            "terminal", "term", "trm", "krl", "shelter");

    private StopNames() {
    }

    /** Lower case, accents dropped, punctuation to spaces, single spaces. */
    static String normalize(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
    }

    /**
     * The kind of stop a name or query's first word says ("terminal poris" asks for a bus
     * terminal, not the railway station "Poris"): "station", "halte", "terminal", or "".
     */
    static String kind(String text) {
        String s = normalize(text);
        int space = s.indexOf(' ');
        String first = space < 0 ? s : s.substring(0, space);
        return switch (first) {
            case "stasiun", "stasion", "st", "stn", "krl" -> "station";
            case "halte", "hlt", "shelter" -> "halte";
            case "terminal", "term", "trm" -> "terminal";
            default -> "";
        };
    }

    /** {@link #normalize} without leading prefix words ("st. tng" becomes "tng"). */
    static String key(String text) {
        String s = normalize(text);
        while (true) {
            int space = s.indexOf(' ');
            if (space < 0 || !PREFIXES.contains(s.substring(0, space))) {
                return s;
            }
            s = s.substring(space + 1);
        }
    }

    /** Levenshtein distance, or {@code max + 1} as soon as it must exceed {@code max}. */
    static int distance(String a, String b, int max) {
        return distance(a, b, 0, b.length(), max);
    }

    /**
     * {@link #distance(String, String, int)} against {@code b[bStart, bStart + bLength)}, without
     * copying it (the stop search compares word windows of every name).
     */
    static int distance(String a, String b, int bStart, int bLength, int max) {
        if (Math.abs(a.length() - bLength) > max) {
            return max + 1;
        }
        int[] prev = new int[bLength + 1];
        int[] cur = new int[bLength + 1];
        for (int j = 0; j <= bLength; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= bLength; j++) {
                int cost = ca == b.charAt(bStart + j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[bLength];
    }

    /** Typos allowed for a query of this length: none for 1-3 letters, one for 4-6, two beyond. */
    static int allowedEdits(String query) {
        return query.length() <= 3 ? 0 : query.length() <= 6 ? 1 : 2;
    }
}
