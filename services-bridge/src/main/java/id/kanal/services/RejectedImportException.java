package id.kanal.services;

/**
 * An import (a GTFS feed, a content pack) rejected as a whole, nothing of it stored:
 * {@link #file()} and {@link #row()} (line in the file, header = 1; 0 when the fault is not in a
 * row) point at the problem, {@link #reason()} says what it is in words an administrator can act
 * on. Each import has its own subtype, so a caller says what rejection leaves in place.
 */
public abstract class RejectedImportException extends RuntimeException {
    private final String file;
    private final int row;
    private final String reason;

    protected RejectedImportException(String file, int row, String reason) {
        super(file + (row > 0 ? " row " + row : "") + ": " + reason);
        this.file = file;
        this.row = row;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public int row() {
        return row;
    }

    public String reason() {
        return reason;
    }
}
