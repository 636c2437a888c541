package id.kanal.services.live;

import java.util.Objects;

/** One agency's or one category's figures (a JSON wire value): its code, its public name, the tally. */
public record LiveRow(String code, String name, Tally figures) {
    public LiveRow {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(figures, "figures");
    }
}
