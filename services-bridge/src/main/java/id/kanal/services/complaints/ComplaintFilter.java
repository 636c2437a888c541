package id.kanal.services.complaints;

import id.kanal.dialog.port.ComplaintStatus;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which complaints a staff or Open311 list shows; every part optional.
 *
 * @param statuses   any of these (empty: any status)
 * @param categories any of these category codes (empty: any)
 * @param from     filed at or after
 * @param to       filed at or before
 * @param limit    at most this many, newest first
 */
public record ComplaintFilter(Set<ComplaintStatus> statuses, Set<String> categories, Optional<String> agency,
                              Optional<Boolean> overdue, Optional<Instant> from, Optional<Instant> to,
                              Set<String> tickets, int limit) {
    public ComplaintFilter {
        statuses = Set.copyOf(statuses);
        categories = Set.copyOf(categories);
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(overdue, "overdue");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        tickets = Set.copyOf(tickets);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1: " + limit);
        }
    }

    /** Every complaint, newest first, at most {@code limit}. */
    public static ComplaintFilter all(int limit) {
        return new ComplaintFilter(Set.of(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Set.of(), limit);
    }
}
