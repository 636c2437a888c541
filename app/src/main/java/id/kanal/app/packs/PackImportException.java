package id.kanal.app.packs;

/**
 * A pack folder was rejected as a whole: nothing of it was stored. {@link #row()} is the line of
 * {@code items.csv} (header = 1) that made it fail, 0 when the fault is not in a row.
 */
public final class PackImportException extends RuntimeException {
    private final String file;
    private final int row;
    private final String reason;

    public PackImportException(String file, int row, String reason) {
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
