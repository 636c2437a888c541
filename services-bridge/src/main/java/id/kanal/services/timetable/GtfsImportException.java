package id.kanal.services.timetable;

/**
 * A GTFS feed was rejected as a whole; the timetable still answers from the previous feed.
 * {@link #file()} and {@link #row()} (line in the file, header = 1; 0 for the whole file) point
 * at the problem, {@link #reason()} says what it is.
 */
public final class GtfsImportException extends RuntimeException {
    private final String file;
    private final int row;
    private final String reason;

    public GtfsImportException(String file, int row, String reason) {
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
