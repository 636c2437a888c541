package id.kanal.services.prices;

/**
 * A price file was rejected as a whole: nothing of it was imported. {@link #row()} is the line
 * of the file (header = 1) that made it fail, {@link #reason()} says why in words an
 * administrator can act on.
 */
public final class PriceImportException extends RuntimeException {
    private final int row;
    private final String reason;

    public PriceImportException(int row, String reason) {
        super("row " + row + ": " + reason);
        this.row = row;
        this.reason = reason;
    }

    public int row() {
        return row;
    }

    public String reason() {
        return reason;
    }
}
