package id.kanal.dialog;

import java.util.Optional;
import java.util.Set;

/**
 * Whether a first message is plainly English: two or more common English words and no
 * Indonesian ones. Anything less certain stays Indonesian, the region's language.
 */
final class LanguageGuess {
    private static final Set<String> ENGLISH = Set.of("the", "is", "are", "my", "i", "i'm", "want", "how", "what",
            "where", "when", "please", "price", "prices", "of", "broken", "street", "report", "hello", "there",
            "next", "train", "bus", "from", "to", "much", "does", "do", "can", "you", "need", "help",
            "a", "an", "in", "at", "on", "it", "this", "water", "garbage", "problem", "check", "status", "good",
            "morning", "evening", "thanks", "thank", "speak", "talk", "agent", "english");
    private static final Set<String> INDONESIAN = Set.of("yang", "di", "ke", "dari", "ini", "itu", "mau", "apa",
            "berapa", "brp", "harga", "hrg", "lapor", "saya", "aku", "tidak", "tdk", "ada", "jalan", "jln", "dan",
            "dengan", "dgn", "kapan", "gimana", "bagaimana", "tolong", "tlg", "halo", "selamat", "pagi", "siang",
            "sore", "malam", "terima", "kasih", "makasih", "sampah", "banjir", "rusak", "kereta", "jadwal", "min",
            "kak", "pak", "bu", "dong", "ya", "gak", "nggak", "sudah", "udah", "belum", "bisa", "cek", "laporan");

    private LanguageGuess() {
    }

    static Optional<Language> plainly(String text) {
        int english = 0;
        for (String w : Words.simplify(text).split(" ")) {
            if (INDONESIAN.contains(w)) {
                return Optional.empty();
            }
            if (ENGLISH.contains(w)) {
                english++;
            }
        }
        return english >= 2 ? Optional.of(Language.EN) : Optional.empty();
    }
}
