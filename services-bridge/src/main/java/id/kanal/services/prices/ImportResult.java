package id.kanal.services.prices;

import java.time.Duration;
import java.util.Objects;

/**
 * What a price import did.
 *
 * @param format    the format recognised from the header ("bapanas" or "simple")
 * @param rows      data rows read
 * @param changed   prices added or changed on the board
 * @param unchanged prices the board already had (importing the same file again: all rows)
 * @param skipped   rows without a price (Badan Pangan Nasional writes 0 for "no data")
 * @param took      wall time of the import
 */
public record ImportResult(String format, int rows, int changed, int unchanged, int skipped, Duration took) {
    public ImportResult {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(took, "took");
    }
}
