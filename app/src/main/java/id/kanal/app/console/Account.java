package id.kanal.app.console;

import java.time.Instant;
import java.util.Objects;

/** A console account (never its password hash) and its desk. */
public record Account(String username, Role role, Instant createdAt, Desk desk) {
    public Account {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(desk, "desk");
    }
}
