package id.kanal.services.live;

import java.util.Objects;

/** A region with a board: its code (the board's path) and its name. */
public record LiveRegion(String code, String name) {
    public LiveRegion {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }
}
