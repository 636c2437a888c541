package id.kanal.dialog;

import java.util.Set;

/**
 * The few complaint words the dialog itself needs: the words that ask to complain (which file a
 * complaint whatever the classifier thinks, and mid-flow), and the words that say nothing about
 * the problem. What a message means beyond that (category, place) is the classifier's job.
 */
final class ComplaintWords {
    /** "lapor", "complaint": the resident wants to file a complaint. */
    static final Set<String> REQUEST = Set.of("lapor", "laporan", "melapor", "keluhan", "aduan", "adukan", "mengadu",
            "komplain", "report", "complaint", "complain");
    /** Words that carry no part of the problem: "mau lapor", "I want to report a". */
    private static final Set<String> EMPTY = Set.of("mau", "ingin", "pengen", "pgn", "mo", "saya", "sy", "aku", "gue",
            "gw", "tolong", "min", "kak", "pak", "bu", "dong", "ya", "mohon", "i", "want", "to", "would", "like", "a",
            "an", "please", "make", "ada", "ini", "halo", "hallo", "hai", "hi", "hello", "permisi", "selamat", "pagi",
            "siang", "sore", "malam", "assalamualaikum");
    /** Content words from which a message tells the problem rather than only asking to complain. */
    private static final int DESCRIBING_WORDS = 3;

    private ComplaintWords() {
    }

    /**
     * Whether a reply at the summary tells something (two words or more that are neither a yes,
     * a no nor filler): "ok deh" is not more of the complaint, "sudah 2 motor jatuh" is.
     */
    static boolean tells(String text) {
        int content = 0;
        for (String w : Words.simplify(text).split(" ")) {
            if (!w.isEmpty() && !REQUEST.contains(w) && !EMPTY.contains(w) && !Words.isYesOrNoIn(w)) {
                content++;
            }
        }
        return content >= 2;
    }

    /** Whether the message already tells the problem ("sampah numpuk di pasar"), not just "lapor sampah". */
    static boolean describes(String text) {
        int content = 0;
        for (String w : Words.simplify(text).split(" ")) {
            if (!w.isEmpty() && !REQUEST.contains(w) && !EMPTY.contains(w)) {
                content++;
            }
        }
        return content >= DESCRIBING_WORDS;
    }
}
