package id.kanal.intents;

import id.kanal.dialog.Words;
import id.kanal.dialog.port.TransitMode;
import id.kanal.dialog.port.Trip;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@link Trip} a message asks about. Its stops are the {@link EntityExtractor}'s when it found
 * any ({@code from} or {@code stop}, and {@code to}: the timetable's names); else the words a
 * resident wrote around "dari X ke Y", "ke Y dari X", "dari/di/at X" or "ke Y", which the dialog
 * resolves against the timetable (a name it does not know still gets a list to choose from, or
 * "which stop?"). "terakhir"/"last" and "pertama"/"first" ask for the last or first departure of
 * the day; "kereta", "KRL", "train" or "bus", "Trans Tangerang" name the kind of transport.
 */
final class TripReader {
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
    /** The words one of the patterns above needs: most messages have none, and skip the patterns. */
    private static final Set<String> MARKERS = Set.of("dari", "dr", "from", "di", "at", "ke", "k", "to", "menuju",
            "tujuan", "arah");

    private TripReader() {
    }

    /** The trip in {@code raw}, whose entities are {@code entities}. */
    static Trip read(String raw, Map<String, String> entities) {
        String s = Words.simplify(raw);
        Optional<String> from = Optional.ofNullable(entities.get("from")).or(() -> Optional.ofNullable(entities.get("stop")));
        Optional<String> to = Optional.ofNullable(entities.get("to"));
        if (from.isEmpty() && to.isEmpty() && Words.hasAnyWord(s, MARKERS)) {
            String[] named = named(s);
            from = place(named[0]);
            to = place(named[1]);
        }
        return new Trip(from, to, which(s), mode(s));
    }

    /** "kereta terakhir ..." asks for the last departure, "bus pertama ..." for the first; else the next ones. */
    private static Trip.Which which(String s) {
        if (Words.hasAnyWord(s, LAST) || s.contains("paling akhir") || s.contains("paling malam")) {
            return Trip.Which.LAST;
        }
        if (Words.hasAnyWord(s, FIRST) || s.contains("paling awal") || s.contains("paling pagi")) {
            return Trip.Which.FIRST;
        }
        return Trip.Which.NEXT;
    }

    /** The kind of transport named; none when both or neither. */
    private static Optional<TransitMode> mode(String s) {
        boolean rail = Words.hasAnyWord(s, RAIL);
        boolean bus = Words.hasAnyWord(s, BUS) || s.contains("trans tangerang");
        return rail == bus ? Optional.empty() : Optional.of(rail ? TransitMode.RAIL : TransitMode.BUS);
    }

    /** The origin's and the destination's words as written (null where none). */
    private static String[] named(String simplified) {
        String s = NOISE.matcher(simplified).replaceAll(" ").replaceAll("\\s+", " ").strip();
        Matcher m = FROM_TO.matcher(s);
        if (m.find()) {
            return new String[] {m.group(1), m.group(2)};
        }
        m = TO_FROM.matcher(s);
        if (m.find()) {
            return new String[] {m.group(2), m.group(1)};
        }
        m = AT.matcher(s);
        if (m.find()) {
            return new String[] {m.group(1), null};
        }
        m = ONLY_TO.matcher(s);
        return m.find() ? new String[] {null, m.group(1)} : new String[] {null, null};
    }

    private static Optional<String> place(String words) {
        return words == null || words.isBlank() ? Optional.empty() : Optional.of(words.strip());
    }
}
