package id.kanal.services.complaints;

import java.util.Map;

/**
 * The dashboard figures ("handled, not yet handled, in progress"): problems by status, category
 * and agency. Duplicates are not counted, so one pothole reported five times counts once.
 */
public record ComplaintCounts(long total, long overdue, Map<String, Long> byStatus, Map<String, Long> byCategory,
                              Map<String, Long> byAgency) {
    public ComplaintCounts {
        byStatus = Map.copyOf(byStatus);
        byCategory = Map.copyOf(byCategory);
        byAgency = Map.copyOf(byAgency);
    }
}
