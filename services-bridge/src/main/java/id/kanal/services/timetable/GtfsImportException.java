package id.kanal.services.timetable;

import id.kanal.services.RejectedImportException;

/**
 * A GTFS feed was rejected as a whole; the timetable still answers from the previous feed.
 * {@link #file()} and {@link #row()} point at the problem, {@link #reason()} says what it is.
 */
public final class GtfsImportException extends RejectedImportException {
    public GtfsImportException(String file, int row, String reason) {
        super(file, row, reason);
    }
}
