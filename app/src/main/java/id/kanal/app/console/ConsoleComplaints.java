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

    /** A complaint with its description and history. */
    record Detail(Row complaint, String description, List<HistoryEntry> history) {
        public Detail {
            history = List.copyOf(history);
        }
    }

    /** One status change. */
    record HistoryEntry(int seq, String status, long at, String by, String note) {
    }
}
