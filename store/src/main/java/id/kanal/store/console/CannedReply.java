package id.kanal.store.console;

import java.util.Objects;

/** A canned reply agents pick from; {@code template} is a WhatsApp template reference or null. */
public record CannedReply(String id, String title, String body, String template) {
    public CannedReply {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
    }
}
