package id.kanal.intents;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The place a complaint names, in the resident's own words: "sampah numpuk di pasar lama udah
 * seminggu" gives "Pasar Lama", "jalan berlubang di jl. imam bonjol dekat halte cikokol, bahaya
 * buat motor" gives "jl. imam bonjol dekat halte cikokol". A place starts at a place word (a
 * street, gang, RT/RW, kelurahan, housing estate, market, stop, landmark) or after a locative
 * word ("di", "dekat", "near"), and ends at a phrase of time, degree or condition ("udah
 * seminggu", "dr kmrn", "sejak 3 hari", "rusak"), at a comma, or after a few words. A place
 * after a locative word alone ("di ciledug") is a guess: the dialog shows it for correction.
 * Stateless and thread-safe.
 */
final class PlaceFinder {
    private static final int MAX_WORDS = 9;
    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("\\S+");

    /** Words after which a place may follow; "di" itself is not kept in the place. */
    private static final Set<String> DROPPED_LOCATIVES = Set.of("di", "pada", "at", "in", "on", "lokasi", "alamat");
    private static final Set<String> LOCATIVES = Set.of("di", "pada", "dekat", "deket", "dkt", "depan", "samping",
            "belakang", "sebelah", "seberang", "sekitar", "daerah", "kawasan", "wilayah", "area", "lokasi", "alamat",
            "sepanjang", "ujung", "pinggir", "at", "near", "in", "on", "outside", "opposite", "behind", "along",
            "around");
    /** Words that name a kind of place: with a name or number after them, a place for sure. */
    private static final Set<String> PLACE_WORDS = Set.of("jalan", "jl", "jln", "gang", "gg", "komplek", "kompleks",
            "komp", "perum", "perumahan", "blok", "rt", "rw", "kelurahan", "kel", "kec", "kecamatan", "desa", "kampung",
            "kp", "pasar", "halte", "stasiun", "terminal", "sd", "sdn", "smp", "smpn", "sma", "sman", "masjid",
            "musholla", "mushola", "puskesmas", "perempatan", "pertigaan", "simpang", "bundaran", "jembatan", "taman",
            "kantor", "cluster", "griya", "villa", "street", "road", "avenue", "station", "market", "bridge");
    /**
     * Words no place runs into: time and degree ("udah seminggu", "sejak 3 hari", "parah"),
     * conditions ("rusak", "mati"), connectors and pronouns, in their normalised forms.
     */
    private static final Set<String> ENDS = Set.of(
            // time
            "sudah", "udah", "sejak", "dari", "kemarin", "tadi", "seminggu", "sebulan", "setahun", "minggu", "bulan",
            "hari", "jam", "malam", "pagi", "siang", "sore", "subuh", "lagi", "terus", "masih", "belum", "baru",
            "selama", "td", "tiap", "setiap", "sampai", "hingga", "lalu", "lama", "kmrn", "since", "for", "already", "yesterday", "today",
            "tonight", "days", "day", "weeks", "week", "months", "ago", "still", "now", "every",
            // degree and urgency
            "banget", "sekali", "parah", "sangat", "bahaya", "berbahaya", "tolong", "mohon", "segera", "cepat",
            "please", "pls", "urgent", "very", "really",
            // conditions and what happens
            "mati", "padam", "rusak", "bocor", "menumpuk", "berlubang", "lubang", "banjir", "macet", "mampet",
            "tersumbat", "tumbang", "gelap", "bau", "kotor", "tidak", "ngalir", "mengalir", "keruh", "retak",
            "ambles", "amblas", "beli", "jual", "belanja", "makan", "buy", "licin", "penuh", "nutup", "tutup", "menutup", "kena", "after", "before", "when", "during", "bikin", "buat", "membuat", "jadi", "sering", "is", "are", "was", "were",
            "has", "have", "been", "not", "broken", "blocked", "out", "off", "dark", "flooded", "piling",
            // connectors and people
            "yang", "dan", "tapi", "karena", "soalnya", "sehingga", "untuk", "and", "but", "because", "so", "with",
            "saya", "aku", "kami", "kita", "warga", "my", "our", "we", "i", "kok", "nih", "dong", "ya", "min",
            "kak", "pak", "bu", "gan", "the", "a", "an", "ada", "there", "sini", "situ", "sana", "mana", "rumah",
            "mau", "lapor", "melapor", "laporan", "report", "sampah", "air", "pdam", "lampu", "pju", "pohon");

    /** Time words that are part of a name right after one: "pasar lama", "karawaci baru". */
    private static final Set<String> NAMES_NOT_ENDS = Set.of("lama", "baru");

    /** A place found: the words to show, whether it is a guess, and where it sits in the message. */
    record Place(String text, boolean guess, int begin, int end) {
        Place {
            Objects.requireNonNull(text, "text");
        }
    }

    private record Word(String norm, int begin, int end, boolean closes, boolean problem) {
        /** A word no place runs into or starts with. */
        boolean ends() {
            return problem || ENDS.contains(norm);
        }
    }

    private final TextNormaliser normaliser;

    PlaceFinder(TextNormaliser normaliser) {
        this.normaliser = Objects.requireNonNull(normaliser, "normaliser");
    }

    /**
     * Whether a message with these normalised words may name a place at all: a place starts at a
     * locative or a place word, and every word {@link #find} reads is one of these (normalising is
     * word by word). Most messages ("1", "harga beras") have none and skip the search.
     */
    static boolean mayName(List<String> tokens) {
        for (String t : tokens) {
            if (LOCATIVES.contains(t) || PLACE_WORDS.contains(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param knownName    a place's canonical name when Kanal knows it (a market, a stop), from its normalised words
     * @param problemWords the categories' normalised keywords: "lampu jalan" is the problem, not a street
     */
    Optional<Place> find(String raw, Function<String, Optional<String>> knownName, Set<String> problemWords) {
        List<Word> words = words(raw, problemWords);
        Place best = null;
        int bestScore = 0;
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            boolean locative = LOCATIVES.contains(w.norm());
            if (w.problem() || !locative && !PLACE_WORDS.contains(w.norm())) {
                continue;
            }
            int from = i;
            // "di", and a place word with no name of its own ("di jalan dekat halte X", "the road at Jl. Y"), are left out.
            while (from < words.size() && !words.get(from).closes()
                    && (DROPPED_LOCATIVES.contains(words.get(from).norm()) || PLACE_WORDS.contains(words.get(from).norm())
                    && from + 1 < words.size() && LOCATIVES.contains(words.get(from + 1).norm()))) {
                from++;
            }
            int to = from;
            boolean named = false;
            boolean placeWord = false;
            while (to < words.size() && to - from < MAX_WORDS) {
                Word x = words.get(to);
                boolean partOfName = to > from && NAMES_NOT_ENDS.contains(x.norm()) && !words.get(to - 1).ends();
                if (x.ends() && !partOfName) {
                    break;
                }
                if (PLACE_WORDS.contains(x.norm())) {
                    placeWord = true;
                } else if (!LOCATIVES.contains(x.norm())) {
                    named = true;
                }
                to++;
                if (x.closes()) {
                    break;
                }
            }
            if (!named || to <= from) {
                continue;
            }
            String span = raw.substring(words.get(from).begin(), words.get(to - 1).end()).replaceAll("[,;:!?.]+$", "");
            String norm = normaliser.normalise(span);
            Optional<String> known = knownName.apply(norm);
            int score = known.isPresent() ? 3 : placeWord ? 2 : 1;
            if (score > bestScore) {
                best = new Place(known.orElse(span.strip()), score == 1, words.get(from).begin(), words.get(to - 1).end());
                bestScore = score;
            }
            i = to - 1;
        }
        return Optional.ofNullable(best);
    }

    /** The message's words with their normalised form, their place in it and whether they name the problem. */
    private List<Word> words(String raw, Set<String> problemWords) {
        List<String> norms = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        List<Boolean> closes = new ArrayList<>();
        java.util.regex.Matcher m = TOKEN.matcher(raw);
        while (m.find()) {
            String token = m.group();
            List<String> norm = normaliser.tokens(token);
            norms.add(norm.isEmpty() ? "" : norm.get(0));
            spans.add(new int[] {m.start(), m.end()});
            // "cikokol," ends a place; "jl." or "kel." is an abbreviation, not the end of a sentence.
            closes.add(",;!?".indexOf(token.charAt(token.length() - 1)) >= 0 || (token.endsWith(".") && token.length() > 5));
        }
        boolean[] problem = new boolean[norms.size()];
        for (int i = 0; i < norms.size(); i++) {
            for (int n = Math.min(3, norms.size() - i); n >= 1; n--) {
                String phrase = String.join(" ", norms.subList(i, i + n));
                // A lone "jalan" keyword is still a street; "lampu jalan" as a whole is the problem.
                if (problemWords.contains(phrase) && (n > 1 || !PLACE_WORDS.contains(phrase))) {
                    java.util.Arrays.fill(problem, i, i + n, true);
                    break;
                }
            }
        }
        List<Word> out = new ArrayList<>();
        for (int i = 0; i < norms.size(); i++) {
            out.add(new Word(norms.get(i), spans.get(i)[0], spans.get(i)[1], closes.get(i), problem[i]));
        }
        return out;
    }
}
