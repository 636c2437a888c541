package id.kanal.dialog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A complaint being filled in, field by field; what is already known is never asked again.
 *
 * @param locationGuessed the location was read from the resident's words without certainty ("di ciledug"):
 *                        the summary says so, and a reply to it corrects the location
 */
public record ComplaintDraft(Optional<String> categoryCode, Optional<String> location, Optional<String> description,
                             Optional<GeoPoint> point, List<Media> photos, boolean locationGuessed) {
    public ComplaintDraft {
        Objects.requireNonNull(categoryCode, "categoryCode");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(point, "point");
        photos = List.copyOf(photos);
    }

    public ComplaintDraft(Optional<String> categoryCode, Optional<String> location, Optional<String> description,
                          Optional<GeoPoint> point, List<Media> photos) {
        this(categoryCode, location, description, point, photos, false);
    }

    public static ComplaintDraft empty() {
        return new ComplaintDraft(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), false);
    }

    public ComplaintDraft withCategory(String code) {
        return new ComplaintDraft(Optional.of(code), location, description, point, photos, locationGuessed);
    }

    /** A location the resident gave (or confirmed). */
    public ComplaintDraft withLocation(String text) {
        return new ComplaintDraft(categoryCode, Optional.of(text), description, point, photos, false);
    }

    /** A location read from the resident's words, {@code guessed} when not certain. */
    public ComplaintDraft withLocation(String text, boolean guessed) {
        return new ComplaintDraft(categoryCode, Optional.of(text), description, point, photos, guessed);
    }

    public ComplaintDraft withDescription(String text) {
        return new ComplaintDraft(categoryCode, location, Optional.of(text), point, photos, locationGuessed);
    }

    public ComplaintDraft withPoint(GeoPoint p) {
        return new ComplaintDraft(categoryCode, location, description, Optional.of(p), photos, locationGuessed);
    }

    public ComplaintDraft withPhotos(List<Media> more) {
        List<Media> all = new java.util.ArrayList<>(photos);
        all.addAll(more);
        return new ComplaintDraft(categoryCode, location, description, point, all, locationGuessed);
    }
}
