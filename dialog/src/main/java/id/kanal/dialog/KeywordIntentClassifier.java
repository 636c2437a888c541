package id.kanal.dialog;

import id.kanal.dialog.port.Intent;
import id.kanal.dialog.port.IntentClassifier;
import id.kanal.dialog.port.Intents;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A keyword classifier: the fallback when no trained model is wired, and a baseline for the
 * trained one. Knows the intent words in Indonesian, SMS-speak and English, and a complaint's
 * place when a street, RT/RW, kelurahan or market word follows "di"/"near" ({@code location}).
 */
public final class KeywordIntentClassifier implements IntentClassifier {
    private static final Map<String, Set<String>> WORDS = new LinkedHashMap<>();

    static {
        WORDS.put(Intents.OPTOUT, Set.of("stop", "berhenti", "unreg", "unsubscribe"));
        WORDS.put(Intents.HANDOFF_REQUEST, Set.of("petugas", "agent", "operator", "cs", "manusia", "human"));
        WORDS.put(Intents.COMPLAINT_STATUS, Set.of("status", "cek", "lacak", "track", "perkembangan"));
        Set<String> complaint = new java.util.HashSet<>(ComplaintWords.REQUEST);
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
        String place = ComplaintWords.place(text);
        Map<String, String> entities = place == null ? Map.of() : Map.of("location", place);
        for (var e : WORDS.entrySet()) {
            if (Words.hasAnyWord(simplified, e.getValue())) {
                return new Intent(e.getKey(), 0.8, entities);
            }
        }
        return new Intent(Intents.OUT_OF_SCOPE, 0.0, entities);
    }
}
