package id.kanal.app;

import id.kanal.dialog.OpeningHours;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the call centre's hours: {@code MON-FRI 08:00-16:00}, {@code MON-SUN 00:00-23:59}, {@code SAT 09:00-12:00}. */
final class AgentHours {
    private static final Pattern FORMAT = Pattern.compile("([A-Za-z]{3})(?:-([A-Za-z]{3}))?\\s+(\\d{1,2}:\\d{2})-(\\d{1,2}:\\d{2})");

    private AgentHours() {
    }

    static OpeningHours parse(String text) {
        Matcher m = FORMAT.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("agent hours must look like MON-FRI 08:00-16:00: " + text);
        }
        try {
            DayOfWeek first = day(m.group(1));
            DayOfWeek last = m.group(2) == null ? first : day(m.group(2));
            EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (DayOfWeek d = first; ; d = d.plus(1)) {
                days.add(d);
                if (d == last) {
                    break;
                }
            }
            return new OpeningHours(days, time(m.group(3)), time(m.group(4)));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("agent hours have a bad time: " + text);
        }
    }

    private static LocalTime time(String hhmm) {
        return LocalTime.parse(hhmm.length() == 4 ? "0" + hhmm : hhmm);
    }

    private static DayOfWeek day(String abbreviation) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(abbreviation.toUpperCase(Locale.ROOT))) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown day in agent hours: " + abbreviation);
    }
}
