package id.kanal.app.packs;

import java.time.Duration;
import java.util.Objects;

/**
 * What a pack import stored.
 *
 * @param items   rows stored
 * @param expired of them, rows already past their expiry day (stored, never shown)
 */
public record PackImportResult(String region, String code, int items, int expired, Duration took) {
    public PackImportResult {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(took, "took");
    }
}
