package id.kanal.dialog.port;

import java.util.Objects;
import java.util.Optional;

/** A bus stop or railway station of the timetable. */
public record Stop(String id, String name, Optional<String> code) {
    public Stop {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(code, "code");
    }
}
