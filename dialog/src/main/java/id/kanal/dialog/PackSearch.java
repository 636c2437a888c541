package id.kanal.dialog;

import id.kanal.dialog.port.Pack;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds a pack's items for a resident's words: expired items never, then the items that hold every
 * search word (a word matches the start of a word of the item's search fields, so "cipon" finds
 * Cipondoh), else those that hold any, most first; no search word means every item.
 */
final class PackSearch {
    /** Words that ask rather than name something ("ada loker di cipondoh?": only "cipondoh" is searched). */
    private static final Set<String> ASKING = Set.of("ada", "apa", "aja", "saja", "di", "ke", "dari", "yang", "yg",
            "dan", "atau", "untuk", "utk", "buat", "info", "informasi", "mau", "ingin", "pengen", "pgn", "cari",
            "mencari", "nyari", "carikan", "tolong", "tlg", "dong", "donk", "min", "kak", "gan", "pak", "bu", "mas",
            "mbak", "berapa", "brp", "gimana", "gmn", "bagaimana", "apakah", "kah", "ya", "y", "nih", "sih", "kota",
            "tangerang", "tng", "daerah", "wilayah", "kecamatan", "kec", "sekitar", "dekat", "terdekat", "hari", "ini",
            "skrg", "sekarang", "terbaru", "baru", "semua", "daftar", "list", "jam", "buka", "alamat", "syarat",
            "persyaratan", "biaya", "tarif", "nomor", "no", "nomer", "telepon", "telp", "tlp", "kantor", "tempat",
            "gak", "ga", "gk", "nggak", "enggak", "tidak", "tdk", "lagi", "lg", "sy", "saya", "aku", "gw", "gue",
            "kami", "butuh", "perlu", "bisa", "boleh", "minta", "mohon", "kasih", "tau", "tahu", "deh", "kan", "yah",
            "the", "a", "an", "in", "at", "of", "for", "to", "is", "are", "any", "some", "what", "where", "how",
            "please", "pls", "i", "me", "my", "need", "want", "looking", "all", "show", "tell", "about", "near",
            "today", "now", "new", "open", "opening", "hours", "address", "requirements", "fee", "fees", "cost",
            "number", "numbers", "phone", "call", "office", "place", "places", "there", "do", "does", "can", "get");
    private static final int PREFIX_MIN = 3;

    private PackSearch() {
    }

    /** What a search found: the items in order, and whether they answer the words (false: all items instead). */
    record Found(List<Map<String, String>> items, boolean matched) {
    }

    /** The words of a message that name what to look for in this pack. */
    static List<String> terms(Pack pack, String text) {
        Set<String> own = new LinkedHashSet<>();
        for (String w : pack.words()) {
            own.addAll(List.of(Words.simplify(w).split(" ")));
        }
        for (String label : pack.menu().values()) {
            own.addAll(List.of(Words.simplify(label).split(" ")));
        }
        List<String> out = new ArrayList<>();
        for (String w : Words.simplify(text).split(" ")) {
            if (!w.isEmpty() && !ASKING.contains(w) && !own.contains(w) && !out.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    static Found find(Pack pack, List<String> terms, LocalDate today) {
        List<Map<String, String>> visible = pack.items().stream().filter(i -> current(pack, i, today)).toList();
        if (terms.isEmpty()) {
            return new Found(visible, true);
        }
        List<Map<String, String>> all = visible.stream().filter(i -> hits(pack, i, terms) == terms.size()).toList();
        if (!all.isEmpty()) {
            return new Found(all, true);
        }
        List<Map<String, String>> any = visible.stream().filter(i -> hits(pack, i, terms) > 0)
                .sorted(Comparator.comparingInt(i -> -hits(pack, i, terms))).toList();
        return any.isEmpty() ? new Found(visible, false) : new Found(any, true);
    }

    /** An item past its closing day is gone, whatever else matches. */
    private static boolean current(Pack pack, Map<String, String> item, LocalDate today) {
        if (pack.expires().isEmpty()) {
            return true;
        }
        String value = item.getOrDefault(pack.expires().get(), "").strip();
        try {
            return !LocalDate.parse(value).isBefore(today);
        } catch (DateTimeParseException e) {
            return false; // the import refuses such a row; should one slip in, hiding it is the safe side
        }
    }

    private static int hits(Pack pack, Map<String, String> item, List<String> terms) {
        StringBuilder text = new StringBuilder();
        for (String field : pack.search()) {
            text.append(' ').append(item.getOrDefault(field, ""));
        }
        String[] words = Words.simplify(text.toString()).split(" ");
        int n = 0;
        for (String term : terms) {
            // An English plural finds its singular ("parks" finds "park"); a prefix finds the word.
            String t = term.length() > PREFIX_MIN + 1 && term.endsWith("s") ? term.substring(0, term.length() - 1) : term;
            for (String w : words) {
                if (w.equals(term) || w.equals(t) || (t.length() >= PREFIX_MIN && w.startsWith(t))) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }
}
