package id.kanal.dialog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A complaint being filled in, field by field; what is already known is never asked again. */
public record ComplaintDraft(Optional<String> categoryCode, Optional<String> location, Optional<String> description,
                             Optional<GeoPoint> point, List<Media> photos) {
    public ComplaintDraft {
        Objects.requireNonNull(categoryCode, "categoryCode");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(point, "point");
        photos = List.copyOf(photos);
    }

    public static ComplaintDraft empty() {
        return new ComplaintDraft(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    public ComplaintDraft withCategory(String code) {
        return new ComplaintDraft(Optional.of(code), location, description, point, photos);
    }

    public ComplaintDraft withLocation(String text) {
        return new ComplaintDraft(categoryCode, Optional.of(text), description, point, photos);
    }

    public ComplaintDraft withDescription(String text) {
        return new ComplaintDraft(categoryCode, location, Optional.of(text), point, photos);
    }

    public ComplaintDraft withPoint(GeoPoint p) {
        return new ComplaintDraft(categoryCode, location, description, Optional.of(p), photos);
    }

    public ComplaintDraft withPhotos(List<Media> more) {
        List<Media> all = new java.util.ArrayList<>(photos);
        all.addAll(more);
        return new ComplaintDraft(categoryCode, location, description, point, all);
    }
}
