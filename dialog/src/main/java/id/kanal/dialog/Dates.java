package id.kanal.dialog;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Dates as residents read them: "22 Nov 2026 14:05", Indonesian month names in Indonesian. */
public final class Dates {
    private static final String[] ID = {"Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"};
    private static final String[] EN = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private Dates() {
    }

    public static String dateTime(Instant instant, ZoneId zone, Language language) {
        ZonedDateTime t = instant.atZone(zone);
        return date(t.toLocalDate(), language) + String.format(" %02d:%02d", t.getHour(), t.getMinute());
    }

    public static String date(java.time.LocalDate d, Language language) {
        String[] months = language == Language.EN ? EN : ID;
        return d.getDayOfMonth() + " " + months[d.getMonthValue() - 1] + " " + d.getYear();
    }
}
