package id.kanal.dialog;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** When the call centre's agents work, in the region's time zone. */
public record OpeningHours(Set<DayOfWeek> days, LocalTime opens, LocalTime closes) {
    public OpeningHours {
        days = days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days);
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("opens (" + opens + ") must be before closes (" + closes + ")");
        }
    }

    /** Monday to Friday, 08:00 to 16:00: a city office's hours. */
    public static OpeningHours officeHours() {
        return new OpeningHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(16, 0));
    }

    /** Every day, all day (except the last minute): for tests and 24-hour centres. */
    public static OpeningHours always() {
        return new OpeningHours(EnumSet.allOf(DayOfWeek.class), LocalTime.MIN, LocalTime.MAX);
    }

    public boolean isOpen(ZonedDateTime t) {
        LocalTime time = t.toLocalTime();
        return days.contains(t.getDayOfWeek()) && !time.isBefore(opens) && time.isBefore(closes);
    }

    /** The next moment the centre opens, at or after {@code t} (t itself when open). */
    public ZonedDateTime nextOpening(ZonedDateTime t) {
        if (isOpen(t) || days.isEmpty()) {
            return t;
        }
        ZonedDateTime candidate = t.with(opens);
        for (int i = 0; i < 8; i++) {
            if (days.contains(candidate.getDayOfWeek()) && !candidate.isBefore(t)) {
                return candidate;
            }
            candidate = candidate.plusDays(1).with(opens);
        }
        return t;
    }

    public ZonedDateTime nextOpening(java.time.Instant now, ZoneId zone) {
        return nextOpening(now.atZone(zone));
    }
}
