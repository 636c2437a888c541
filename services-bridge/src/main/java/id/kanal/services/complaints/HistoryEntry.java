package id.kanal.services.complaints;

import id.kanal.dialog.port.ComplaintStatus;

import java.time.Instant;
import java.util.Objects;

/** One status change of a complaint: who made it, when, and their note. */
public record HistoryEntry(int seq, ComplaintStatus status, Instant at, String by, String note) {
    public HistoryEntry {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(note, "note");
    }
}
