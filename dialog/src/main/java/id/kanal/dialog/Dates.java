package id.kanal.dialog;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Dates as residents read them ("22 Nov 2026 14:05", "Senin"): month and day names come from the
 * message bundles ({@code date.months}, {@code date.days}), like every other word Kanal says.
 */
public final class Dates {
    private final Map<Language, List<String>> months = new EnumMap<>(Language.class);
    private final Map<Language, List<String>> days = new EnumMap<>(Language.class);

    public Dates(Texts texts) {
        for (Language language : Language.values()) {
            months.put(language, names(texts, language, "date.months", 12));
            days.put(language, names(texts, language, "date.days", 7));
        }
    }

    private static List<String> names(Texts texts, Language language, String key, int count) {
        List<String> names = List.of(texts.get(language, key).split(","));
        if (names.size() != count) {
            throw new IllegalArgumentException("text '" + key + "' in " + language + " needs " + count
                    + " comma-separated names, has " + names.size());
        }
        return names.stream().map(String::strip).toList();
    }

    public String dateTime(Instant instant, ZoneId zone, Language language) {
        ZonedDateTime t = instant.atZone(zone);
        return date(t.toLocalDate(), language) + String.format(" %02d:%02d", t.getHour(), t.getMinute());
    }

    public String date(LocalDate d, Language language) {
        return d.getDayOfMonth() + " " + months.get(language).get(d.getMonthValue() - 1) + " " + d.getYear();
    }

    /** The day's name, Monday first in the bundle as in {@link DayOfWeek}. */
    public String day(DayOfWeek day, Language language) {
        return days.get(language).get(day.getValue() - 1);
    }
}
