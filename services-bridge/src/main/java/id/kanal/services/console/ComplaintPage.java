package id.kanal.services.console;

import java.util.List;
import java.util.Locale;

/**
 * What the console's complaint page shows beside the complaint itself ({@link ConsoleComplaints.Detail}):
 * the resident's photos as Kanal keeps them, the place, other complaints nearby, and the whole
 * history. JSON wire values (nulls where absent), like the console's other rows; no provider URL.
 *
 * @param photos  in the order sent
 * @param place   where it is
 * @param nearby  other complaints within 200 m, nearest first (empty without coordinates)
 * @param history status changes, staff notes and every message sent to the resident about it, oldest first
 */
public record ComplaintPage(String ticket, List<Photo> photos, Place place, List<Nearby> nearby,
                            List<Event> history) {
    public ComplaintPage {
        photos = List.copyOf(photos);
        nearby = List.copyOf(nearby);
        history = List.copyOf(history);
    }

    /**
     * One photo. {@code state}: STORED (shown from {@code href}, the console's own route), PENDING
     * (being fetched from the provider), FAILED ({@code error} says why).
     */
    public record Photo(int position, String state, String contentType, long sizeBytes, int attempts, String error,
                        String href) {
    }

    /**
     * The place: the coordinates the resident shared, if any, with a link to them on OpenStreetMap,
     * and the address exactly as typed.
     */
    public record Place(Double latitude, Double longitude, String osmUrl, String typed) {
        /** A place with coordinates: {@code https://www.openstreetmap.org/?mlat=..&mlon=..#map=18/../..}. */
        static Place of(double lat, double lon, String typed) {
            String la = String.format(Locale.ROOT, "%.6f", lat);
            String lo = String.format(Locale.ROOT, "%.6f", lon);
            return new Place(lat, lon, "https://www.openstreetmap.org/?mlat=" + la + "&mlon=" + lo + "#map=18/" + la + "/" + lo,
                    typed);
        }
    }

    /** Another complaint {@code meters} away. */
    public record Nearby(String ticket, String status, String category, String categoryName, String location,
                         long filedAt, long meters, String duplicateOf) {
    }

    /**
     * One line of the history.
     *
     * @param kind     {@code status} (a change, {@code status} its new value, {@code text} its note),
     *                 {@code note} (staff only, never sent), {@code message} (sent to the resident)
     * @param by       who: {@code staff:<name>}, {@code kanal:routing}, {@code bot}, {@code resident:sms}, ...
     * @param channel  for a message, the channel it went on
     * @param delivery for a message from the outbox, its delivery state (PENDING, SENT, FAILED, a provider's status)
     */
    public record Event(long at, String kind, String by, String text, String status, String channel, String delivery) {
    }
}
