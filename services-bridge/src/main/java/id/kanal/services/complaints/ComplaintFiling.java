package id.kanal.services.complaints;

import id.kanal.dialog.GeoPoint;
import id.kanal.dialog.Media;
import id.kanal.dialog.port.NewComplaint;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A complaint to file from any source. Unlike the dialog's {@link NewComplaint}, the reporter may
 * have no resident channel: an Open311 client's reporter without a phone is stored with channel
 * {@code open311} and is never sent a notification.
 *
 * @param reporterChannel a channel id ({@code sms}, {@code whatsapp}, ...) or {@code open311}
 * @param filedBy         who filed it, for the history ({@code resident}, {@code open311:<client>})
 */
public record ComplaintFiling(String idempotencyKey, String reporterChannel, String reporterAddress,
                              String categoryCode, String location, String description, Optional<GeoPoint> point,
                              List<Media> photos, String filedBy) {
    public ComplaintFiling {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(reporterChannel, "reporterChannel");
        Objects.requireNonNull(reporterAddress, "reporterAddress");
        Objects.requireNonNull(categoryCode, "categoryCode");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(point, "point");
        photos = List.copyOf(photos);
        Objects.requireNonNull(filedBy, "filedBy");
    }

    /** The dialog's filing: the reporter is the resident on their channel. */
    public static ComplaintFiling of(NewComplaint n) {
        return new ComplaintFiling(n.idempotencyKey(), n.reporter().channel().id(), n.reporter().value(),
                n.categoryCode(), n.location(), n.description(), n.point(), n.photos(),
                "resident:" + n.reporter().channel().id());
    }
}
