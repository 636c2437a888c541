package id.kanal.services.complaints;

import java.util.List;
import java.util.Objects;

/**
 * A region as configuration: its name, ticket prefix, agencies and complaint categories.
 * Thirty partner regions differ only in this.
 */
public record RegionDefinition(String code, String name, String ticketPrefix, List<Agency> agencies,
                               List<CategoryDefinition> categories) {
    public RegionDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ticketPrefix, "ticketPrefix");
        if (!ticketPrefix.matches("[A-Z]{2,5}")) {
            throw new IllegalArgumentException("ticketPrefix must be 2-5 capital letters: " + ticketPrefix);
        }
        agencies = List.copyOf(agencies);
        categories = List.copyOf(categories);
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("a region needs at least one complaint category");
        }
        for (CategoryDefinition c : categories) {
            if (agencies.stream().noneMatch(a -> a.code().equals(c.agencyCode()))) {
                throw new IllegalArgumentException("category " + c.code() + " names unknown agency " + c.agencyCode());
            }
        }
    }

    /** A city agency that handles complaints. */
    public record Agency(String code, String name) {
        public Agency {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(name, "name");
        }
    }

    /** A complaint category, the agency it is routed to, and its expected resolution time in days. */
    public record CategoryDefinition(String code, String nameId, String nameEn, String agencyCode,
                                     List<String> keywords, int resolutionDays) {
        public CategoryDefinition {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(nameId, "nameId");
            Objects.requireNonNull(nameEn, "nameEn");
            Objects.requireNonNull(agencyCode, "agencyCode");
            keywords = List.copyOf(keywords);
            if (resolutionDays < 1) {
                throw new IllegalArgumentException("resolutionDays must be >= 1: " + resolutionDays);
            }
        }
    }
}
