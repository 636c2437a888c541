package id.kanal.services.console;

import java.util.List;

/**
 * What supervisors work from (a JSON wire value): complaints filed and resolved per agency in each
 * of the last weeks, and the overdue complaints, most overdue first.
 *
 * @param weeks        the start of each week (Monday 00:00 in the region's zone, epoch ms), oldest first
 * @param agencies     every agency, by name, with one count per week in each list
 * @param overdue      the most overdue open complaints (at most a page of them)
 * @param overdueTotal how many open complaints are overdue in all
 */
public record AgencyTrends(long now, List<Long> weeks, List<AgencyWeeks> agencies, List<Overdue> overdue,
                           long overdueTotal) {
    public AgencyTrends {
        weeks = List.copyOf(weeks);
        agencies = List.copyOf(agencies);
        overdue = List.copyOf(overdue);
    }

    /** One agency's weeks: complaints filed, and complaints resolved (first time) in each week. */
    public record AgencyWeeks(String key, String label, List<Long> filed, List<Long> resolved) {
        public AgencyWeeks {
            filed = List.copyOf(filed);
            resolved = List.copyOf(resolved);
        }
    }

    /** An open complaint past its due time; {@code daysOverdue} in whole days, 0 on its first day late. */
    public record Overdue(String ticket, String status, String categoryName, String agency, String agencyName,
                          long filedAt, long dueAt, long daysOverdue) {
    }
}
