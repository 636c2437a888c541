package id.kanal.dialog;

import java.util.Objects;

/** A photo or other attachment, as the provider's URL (or file id) and its content type. */
public record Media(String url, String contentType) {
    public Media {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(contentType, "contentType");
    }
}
