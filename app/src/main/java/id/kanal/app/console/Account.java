package id.kanal.app.console;

import java.time.Instant;
import java.util.Objects;

/** A console account (never its password hash). */
public record Account(String username, Role role, Instant createdAt) {
    public Account {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
