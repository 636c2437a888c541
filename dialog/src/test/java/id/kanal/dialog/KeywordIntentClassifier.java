package id.kanal.dialog;

import id.kanal.dialog.port.Intent;
import id.kanal.dialog.port.IntentClassifier;
import id.kanal.dialog.port.Intents;
import id.kanal.dialog.port.TransitMode;
import id.kanal.dialog.port.Trip;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dialog tests' classifier: keywords in Indonesian, SMS-speak and English, a complaint's
 * place when a street, RT/RW, kelurahan or market word follows "di"/"near" ({@code location}),
 * and the trip words after "dari"/"from"/"di" and "ke"/"to". Production reads messages with the
 * intents module's trained classifier, which dialog cannot depend on; this one is just good
 * enough to drive the conversations the tests script.
 */
public final class KeywordIntentClassifier implements IntentClassifier {
    private static final Map<String, Set<String>> WORDS = new LinkedHashMap<>();
    private static final Pattern PLACE = Pattern.compile(
            "(?iu)\\b(?:di|dekat|depan|at|near|on)\\s+((?:jl|jln|jalan|gg|gang|perum|perumahan|komplek|kompleks|blok"
                    + "|rt|rw|kel|kelurahan|kec|kecamatan|pasar|street|road)\\b.{3,})");
    private static final Set<String> FROM = Set.of("dari", "dr", "from", "di", "at");
    private static final Set<String> TO = Set.of("ke", "k", "to", "menuju", "tujuan", "arah");
    /** Words that end a stop's name: "dari tangerang ke duri jam berapa". */
    private static final Set<String> NOT_A_NAME = Set.of("jam", "berapa", "brp", "kapan", "sekarang", "besok",
            "terakhir", "pertama", "next", "last", "first", "please", "tolong", "dong", "ya");
    private static final Set<String> LAST = Set.of("terakhir", "last", "latest");
    private static final Set<String> FIRST = Set.of("pertama", "first", "earliest");
    private static final Set<String> RAIL = Set.of("kereta", "krl", "train", "trains", "stasiun", "station");
    private static final Set<String> BUS = Set.of("bus", "bis", "buses", "busway", "halte");

    static {
        WORDS.put(Intents.OPTOUT, Set.of("stop", "berhenti", "unreg", "unsubscribe"));
        WORDS.put(Intents.HANDOFF_REQUEST, Set.of("petugas", "agent", "operator", "cs", "manusia", "human"));
        WORDS.put(Intents.COMPLAINT_STATUS, Set.of("status", "cek", "lacak", "track", "perkembangan"));
        Set<String> complaint = new HashSet<>(ComplaintWords.REQUEST);
        complaint.addAll(Set.of("rusak", "banjir", "sampah", "macet", "bocor", "mati"));
        WORDS.put(Intents.COMPLAINT_FILE, Set.copyOf(complaint));
        // Before prices: "kereta terakhir ... jam berapa?" asks a time, and "berapa" alone is a price word.
        WORDS.put(Intents.SCHEDULE_QUERY, Set.of("jadwal", "kereta", "krl", "bus", "busway", "schedule", "train",
                "departure", "departures", "berangkat"));
        WORDS.put(Intents.PRICE_QUERY, Set.of("harga", "hrg", "price", "prices", "brp", "berapa"));
        WORDS.put(Intents.HELP, Set.of("bantuan", "help", "tolong", "bingung", "gimana", "gmn", "caranya"));
        WORDS.put(Intents.THANKS, Set.of("terima", "makasih", "makasi", "thanks", "thank", "tq", "thx", "nuhun"));
        WORDS.put(Intents.GREETING, Set.of("halo", "hallo", "hai", "hi", "hello", "pagi", "siang", "sore", "malam",
                "assalamualaikum", "permisi", "hey", "p"));
    }

    @Override
    public Intent classify(String text) {
        String simplified = Words.simplify(text);
        if (Words.ticket(text).isPresent()) {
            return new Intent(Intents.COMPLAINT_STATUS, 0.9, Map.of("ticket", Words.ticket(text).get()));
        }
        Matcher place = PLACE.matcher(text);
        Map<String, String> entities = place.find() ? Map.of("location", place.group(1).strip()) : Map.of();
        for (var e : WORDS.entrySet()) {
            if (Words.hasAnyWord(simplified, e.getValue())) {
                return new Intent(e.getKey(), 0.8, entities);
            }
        }
        return new Intent(Intents.OUT_OF_SCOPE, 0.0, entities);
    }

    @Override
    public Trip trip(String text, Intent reading) {
        String[] words = Words.simplify(text).split(" ");
        boolean rail = any(words, RAIL);
        boolean bus = any(words, BUS);
        return new Trip(nameAfter(words, FROM), nameAfter(words, TO),
                any(words, LAST) ? Trip.Which.LAST : any(words, FIRST) ? Trip.Which.FIRST : Trip.Which.NEXT,
                rail == bus ? Optional.empty() : Optional.of(rail ? TransitMode.RAIL : TransitMode.BUS));
    }

    /** The words after the first of {@code markers}, up to another marker or a word that is no name. */
    private static Optional<String> nameAfter(String[] words, Set<String> markers) {
        StringBuilder name = new StringBuilder();
        boolean in = false;
        for (String w : words) {
            if (in && (FROM.contains(w) || TO.contains(w) || NOT_A_NAME.contains(w))) {
                break;
            }
            if (in) {
                name.append(name.isEmpty() ? "" : " ").append(w);
            }
            in = in || markers.contains(w);
        }
        return name.isEmpty() ? Optional.empty() : Optional.of(name.toString());
    }

    private static boolean any(String[] words, Set<String> set) {
        for (String w : words) {
            if (set.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
