package id.kanal.dialog.port;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What a resident may see of a complaint. */
public record ComplaintView(String ticket, Category category, ComplaintStatus status, String location,
                            Instant filedAt, Instant updatedAt, Optional<String> lastNote) {
    public ComplaintView {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(filedAt, "filedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(lastNote, "lastNote");
    }
}
