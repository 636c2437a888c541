package id.kanal.services.live;

import java.util.List;
import java.util.Objects;

/**
 * A region's board (a JSON wire value): totals, by agency (in the region's order), by category (in
 * menu order), every one listed with zeros included; over the last 30 days, how many complaints
 * were resolved and the median days from filing to resolution (null without any).
 *
 * @param generatedAt epoch milliseconds of the figures
 */
public record LiveFigures(String region, String regionName, long generatedAt, Tally total, List<LiveRow> byAgency,
                          List<LiveRow> byCategory, long resolvedLast30Days, Double medianDaysToResolution) {
    public LiveFigures {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(regionName, "regionName");
        Objects.requireNonNull(total, "total");
        byAgency = List.copyOf(byAgency);
        byCategory = List.copyOf(byCategory);
    }
}
