package id.kanal.services.timetable;

import java.util.Locale;

/**
 * A stop search's query, read once: its {@link StopNames#key key}, its form as a station code
 * ("TNG", without a "Stasiun" in front), the typos its length allows, the kind of stop it names
 * ("terminal"), and how many words its key has.
 */
record StopQuery(String key, String code, int edits, String kind, int words) {
    static StopQuery of(String query) {
        String key = StopNames.key(query);
        return new StopQuery(key, query.trim().toUpperCase(Locale.ROOT).replaceFirst("^(STASIUN|ST\\.?|HALTE)\\s+", ""),
                StopNames.allowedEdits(key), StopNames.kind(query), key.split(" ").length);
    }
}
