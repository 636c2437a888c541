package id.kanal.services.console;

import id.kanal.dialog.port.ComplaintStatus;
import id.kanal.store.console.SearchText;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The console's one seam to complaints: list, detail, status change, and what the lists filter by.
 * {@link SqlConsoleComplaints} reads the complaint tables and changes statuses through the
 * complaint desk.
 */
public interface ConsoleComplaints {
    /** Complaints matching the filter, newest first. */
    List<Row> list(Filter filter);

    /** The same complaints as {@link #list}, each with its description: what a CSV export holds. */
    List<Exported> export(Filter filter);

    Optional<Detail> detail(String ticket);

    /**
     * Changes the status with a note; the resident's notification is queued in the outbox in the
     * same transaction.
     *
     * @throws IllegalArgumentException for an unknown ticket
     */
    Detail changeStatus(String ticket, ComplaintStatus status, String note, String by);

    /** A resident's complaints (by E.164 number or Telegram address), newest first. */
    List<Row> byResident(String address);

    /** The categories, in their menu order (count 0: a code and its name). */
    List<LabelledCount> categories();

    /** The agencies, by name (count 0: a code and its name). */
    List<LabelledCount> agencies();

    /**
     * What the list filters by; empty means any. {@code search}: a ticket code, the last digits of the
     * reporter's number, or words that must all be in the description ({@link SearchText}).
     */
    record Filter(Optional<ComplaintStatus> status, Optional<String> category, Optional<String> agency,
                  boolean overdueOnly, int limit, Optional<SearchText> search) {
        /** The most rows one list (or one CSV export) holds. */
        public static final int MAX_LIMIT = 10_000;

        public Filter {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(agency, "agency");
            Objects.requireNonNull(search, "search");
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be 1-" + MAX_LIMIT + ": " + limit);
            }
        }

        /** Without a search. */
        public Filter(Optional<ComplaintStatus> status, Optional<String> category, Optional<String> agency,
                      boolean overdueOnly, int limit) {
            this(status, category, agency, overdueOnly, limit, Optional.empty());
        }
    }

    /** One complaint in a list. dueAt: when it should be resolved by (filed + the category's days). */
    record Row(String ticket, String status, String category, String categoryName, String agency,
               String agencyName, String location, String channel, String address, long filedAt, long updatedAt,
               long dueAt, boolean overdue) {
    }

    /**
     * A complaint with its description and history, and what an agent may do with it now.
     *
     * @param allowedTransitions the statuses the lifecycle allows it to become now, in lifecycle order;
     *                           empty when no change is possible (rejected, or resolved past the reopen window)
     * @param noteRequiredFor    those of them that need a reason in the note
     * @param reopenUntil        for a resolved complaint, the last moment it may be reopened (epoch ms);
     *                           null otherwise (a JSON wire value, like the other console rows)
     */
    record Detail(Row complaint, String description, List<HistoryEntry> history, List<String> allowedTransitions,
                  List<String> noteRequiredFor, Long reopenUntil) {
        public Detail {
            history = List.copyOf(history);
            allowedTransitions = List.copyOf(allowedTransitions);
            noteRequiredFor = List.copyOf(noteRequiredFor);
        }
    }

    /** A listed complaint with its description. */
    record Exported(Row row, String description) {
    }

    /** One status change. */
    record HistoryEntry(int seq, String status, long at, String by, String note) {
    }
}
