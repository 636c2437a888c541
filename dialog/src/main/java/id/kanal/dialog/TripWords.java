package id.kanal.dialog;

import id.kanal.dialog.port.Intent;
import id.kanal.dialog.port.TransitMode;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The origin and destination a resident wrote ("dari Poris ke Duri", "from Tangerang to Grogol",
 * "kereta ke Duri dari Tangerang", "jadwal di halte Cikokol"), as words still to be resolved.
 */
record TripWords(Optional<String> from, Optional<String> to) {
    private static final String FROM = "(?:dari|dr|from)";
    private static final String TO = "(?:ke|k|to|menuju|tujuan|arah)";
    private static final Pattern FROM_TO = Pattern.compile(FROM + "\\s+(.+?)\\s+" + TO + "\\s+(.+)");
    private static final Pattern TO_FROM = Pattern.compile(TO + "\\s+(.+?)\\s+" + FROM + "\\s+(.+)");
    private static final Pattern AT = Pattern.compile("(?:" + FROM + "|di|at)\\s+(.+)");
    private static final Pattern ONLY_TO = Pattern.compile(TO + "\\s+(.+)");
    /** Words around a place name that are not part of it. */
    private static final Pattern NOISE = Pattern.compile(
            "\\b(jam berapa|jam brp|kapan|sekarang|skrg|hari ini|besok|berikutnya|selanjutnya|terakhir|pertama"
                    + "|paling akhir|paling awal|what time|when|now|today|next|last|first|earliest|latest|please|tolong|dong|ya)\\b");

    private static final Set<String> LAST = Set.of("terakhir", "trakhir", "terakhr", "last", "latest");
    private static final Set<String> FIRST = Set.of("pertama", "pertma", "first", "earliest");
    private static final Set<String> RAIL = Set.of("kereta", "krl", "commuter", "commuterline", "train", "trains",
            "rail", "stasiun", "station", "mrt", "lrt");
    private static final Set<String> BUS = Set.of("bus", "bis", "buses", "busway", "transjakarta", "brt", "halte");

    /** "kereta terakhir ..." asks for the last departure, "bus pertama ..." for the first; else the next ones. */
    static TripQuery.Which which(String text) {
        String s = Words.simplify(text);
        if (Words.hasAnyWord(s, LAST) || s.contains("paling akhir") || s.contains("paling malam")) {
            return TripQuery.Which.LAST;
        }
        if (Words.hasAnyWord(s, FIRST) || s.contains("paling awal") || s.contains("paling pagi")) {
            return TripQuery.Which.FIRST;
        }
        return TripQuery.Which.NEXT;
    }

    /** The kind of transport named: "kereta", "KRL", "train" or "bus", "Trans Tangerang"; none when both or neither. */
    static Optional<TransitMode> mode(String text) {
        String s = Words.simplify(text);
        boolean rail = Words.hasAnyWord(s, RAIL);
        boolean bus = Words.hasAnyWord(s, BUS) || s.contains("trans tangerang");
        return rail == bus ? Optional.empty() : Optional.of(rail ? TransitMode.RAIL : TransitMode.BUS);
    }

    static TripWords from(Intent intent, String text) {
        Optional<String> from = intent.entity("from").or(() -> intent.entity("stop"));
        Optional<String> to = intent.entity("to");
        if (from.isPresent() || to.isPresent()) {
            return new TripWords(from, to);
        }
        return parse(text);
    }

    static TripWords parse(String text) {
        String s = NOISE.matcher(Words.simplify(text)).replaceAll(" ").replaceAll("\\s+", " ").strip();
        Matcher m = FROM_TO.matcher(s);
        if (m.find()) {
            return new TripWords(place(m.group(1)), place(m.group(2)));
        }
        m = TO_FROM.matcher(s);
        if (m.find()) {
            return new TripWords(place(m.group(2)), place(m.group(1)));
        }
        m = AT.matcher(s);
        if (m.find()) {
            return new TripWords(place(m.group(1)), Optional.empty());
        }
        m = ONLY_TO.matcher(s);
        if (m.find()) {
            return new TripWords(Optional.empty(), place(m.group(1)));
        }
        return new TripWords(Optional.empty(), Optional.empty());
    }

    private static Optional<String> place(String words) {
        String w = words.strip().toLowerCase(Locale.ROOT);
        return w.isEmpty() ? Optional.empty() : Optional.of(w);
    }
}
