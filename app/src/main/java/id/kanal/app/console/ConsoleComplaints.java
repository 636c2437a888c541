package id.kanal.app.console;

import id.kanal.dialog.port.ComplaintStatus;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The console's one seam to complaints: list, detail, status change. On this branch
 * {@link SqlConsoleComplaints} reads the complaint tables itself; when the complaint lifecycle
 * (with its {@code /api/complaints} endpoints) is merged, an adapter over it replaces that class
 * and nothing else in the console changes.
 */
public interface ConsoleComplaints {
    /** Complaints matching the filter, newest first. */
    List<Row> list(Filter filter);

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

    /** What the list filters by; empty means any. */
    record Filter(Optional<ComplaintStatus> status, Optional<String> category, Optional<String> agency,
                  boolean overdueOnly, int limit) {
        public Filter {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(agency, "agency");
            if (limit < 1 || limit > 1000) {
                throw new IllegalArgumentException("limit must be 1-1000: " + limit);
            }
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

    /** One status change. */
    record HistoryEntry(int seq, String status, long at, String by, String note) {
    }
}
