package id.kanal.dialog.port;

import java.util.List;
import java.util.Objects;

/** A staple on the price board: its canonical name ("cabai rawit"), unit ("kg") and synonyms ("cabe rawit"). */
public record Commodity(String name, String unit, List<String> synonyms) {
    public Commodity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        synonyms = List.copyOf(synonyms);
    }
}
