package id.kanal.app.packs;

import id.kanal.services.RejectedImportException;

/**
 * A pack folder was rejected as a whole: nothing of it was stored. {@link #row()} is the line of
 * {@code items.csv} (header = 1) that made it fail, 0 when the fault is not in a row.
 */
public final class PackImportException extends RejectedImportException {
    public PackImportException(String file, int row, String reason) {
        super(file, row, reason);
    }
}
