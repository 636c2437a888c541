package id.kanal.dialog;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Whether a reply is only a place ("Jl. Merdeka 12, RT 03/05") and says nothing of the problem.
 * Asked for "the problem and its place", a resident often sends the address first: taken as the
 * description, it would be filed as the complaint and the problem that follows lost. A reply is a
 * place when it names one (a street, RT/RW, block, village...) and every other word is a number,
 * a name (capitalised, or inside the place the classifier read) or a word of addresses; one word
 * of a problem ("berlubang", "sampah") makes it a description.
 */
final class PlaceWords {
    /** Words that say the text is an address. */
    private static final Set<String> MARKERS = Set.of("jl", "jln", "jalan", "gg", "gang", "rt", "rw", "blok", "blk",
            "no", "nomor", "nmr", "kel", "kelurahan", "kec", "kecamatan", "desa", "ds", "kp", "kampung", "perum",
            "perumahan", "komplek", "kompleks", "komp", "cluster", "dusun", "lorong", "street", "st", "road", "rd");
    /** Words an address may hold beside its markers ("dekat masjid", "depan pasar"). */
    private static final Set<String> PLACE_WORDS = Set.of("di", "dekat", "dkt", "depan", "samping", "belakang",
            "sebelah", "seberang", "ujung", "pertigaan", "perempatan", "simpang", "raya", "kota", "kab", "kabupaten",
            "near", "at", "in", "on");

    private PlaceWords() {
    }

    /**
     * @param readPlace   the place the classifier read in the text, if any: its words are names
     * @param problemWord whether a lower-cased word names a problem (a complaint category's keyword)
     */
    static boolean only(String text, Optional<String> readPlace, Predicate<String> problemWord) {
        Set<String> named = Set.of(readPlace.map(p -> Words.simplify(p).split(" ")).orElse(new String[0]));
        boolean marked = false;
        int words = 0;
        for (String token : text.split("[^\\p{L}\\p{Nd}]+")) {
            if (token.isEmpty()) {
                continue;
            }
            words++;
            String lower = token.toLowerCase(Locale.ROOT);
            if (MARKERS.contains(lower)) {
                marked = true;
            } else if (problemWord.test(lower)) {
                return false;
            } else if (!PLACE_WORDS.contains(lower) && !named.contains(lower) && !hasDigit(token)
                    && !Character.isUpperCase(token.charAt(0))) {
                return false;
            }
        }
        return marked && words >= 2;
    }

    private static boolean hasDigit(String token) {
        return token.chars().anyMatch(Character::isDigit);
    }
}
