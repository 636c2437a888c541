package id.kanal.services.complaints;

import id.kanal.dialog.GeoPoint;
import id.kanal.dialog.Media;
import id.kanal.dialog.port.Category;
import id.kanal.dialog.port.ComplaintStatus;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What staff (console, Open311) see of a complaint. The reporter's address is not part of it.
 *
 * @param expectedAt  filing time plus the category's expected resolution days
 * @param overdue     still open after {@code expectedAt}
 * @param duplicateOf the open complaint this one repeats, whose status it follows
 * @param media       links an Open311 client gave, which may be shown anywhere; a resident's photos are
 *                    never here (their URLs are the provider's): staff see Kanal's copies ({@link ComplaintPhotos})
 * @param history     oldest first; empty in lists (only {@link ComplaintQueries#detail} fills it)
 * @param allowedTransitions what the lifecycle lets it become at the time of the read, in lifecycle order
 *                    ({@link ComplaintLifecycle#allowedNow}); empty when no change is possible
 */
public record ComplaintDetail(String ticket, Category category, String agencyCode, ComplaintStatus status,
                              String location, String description, Optional<GeoPoint> point, String reporterChannel,
                              Instant filedAt, Instant updatedAt, Instant expectedAt, boolean overdue,
                              Optional<String> duplicateOf, Optional<String> lastNote, Optional<String> externalId,
                              List<Media> media, List<HistoryEntry> history,
                              Set<ComplaintStatus> allowedTransitions) {
    public ComplaintDetail {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(duplicateOf, "duplicateOf");
        Objects.requireNonNull(lastNote, "lastNote");
        Objects.requireNonNull(externalId, "externalId");
        media = List.copyOf(media);
        history = List.copyOf(history);
        // Unmodifiable but ordered (an EnumSet), so the JSON lists the statuses in lifecycle order.
        allowedTransitions = allowedTransitions.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(allowedTransitions));
    }
}
