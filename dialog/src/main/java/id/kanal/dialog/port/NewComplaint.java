package id.kanal.dialog.port;

import id.kanal.dialog.Address;
import id.kanal.dialog.GeoPoint;
import id.kanal.dialog.Media;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A complaint ready to file.
 *
 * @param idempotencyKey unique per filing attempt (the inbound message that confirmed it):
 *                       filing twice with the same key returns the first ticket
 */
public record NewComplaint(String idempotencyKey, Address reporter, String categoryCode, String location,
                           String description, Optional<GeoPoint> point, List<Media> photos) {
    public NewComplaint {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(categoryCode, "categoryCode");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(point, "point");
        photos = List.copyOf(photos);
    }
}
