package id.kanal.app.packs;

import java.time.Instant;
import java.util.Objects;

/**
 * How fresh a stored pack is, for the console.
 *
 * @param example true when its items are the project's made-up examples
 */
public record PackFreshness(String code, String nameId, String nameEn, int items, String source, boolean example,
                            Instant importedAt) {
    public PackFreshness {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(importedAt, "importedAt");
    }
}
