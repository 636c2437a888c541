package id.kanal.app.open311;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.kanal.app.web.Json;
import id.kanal.services.complaints.ComplaintDetail;

import java.time.ZoneId;
import java.util.Optional;

/** A complaint as an Open311 GeoReport v2 service request, every field of the spec's example, absent ones null. */
final class Open311Json {
    /**
     * Who reads. The public sees progress only: what residents typed (description, address), staff
     * notes written to them and exact coordinates can identify a person, so they go only to
     * clients holding an Open311 {@code api_key}. A provider's media URL goes to nobody: Twilio's
     * carry the account and Telegram's the bot token.
     */
    enum Reader {
        PUBLIC,
        KEY_HOLDER
    }

    /** Public coordinates keep three decimals: about 110 m, the street, not the house. */
    private static final double PUBLIC_GRID = 1000.0;

    private Open311Json() {
    }

    static ObjectNode request(ComplaintDetail d, ZoneId zone, Reader reader) {
        boolean details = reader == Reader.KEY_HOLDER;
        ObjectNode r = Json.object();
        r.put("service_request_id", d.ticket());
        r.put("status", d.status().isOpen() ? "open" : "closed");
        if (details && d.lastNote().isPresent()) {
            r.put("status_notes", d.lastNote().get());
        } else {
            r.putNull("status_notes");
        }
        r.put("service_name", d.category().nameId());
        r.put("service_code", d.category().code());
        if (details) {
            r.put("description", d.description());
        } else {
            r.putNull("description");
        }
        r.put("agency_responsible", d.category().agencyName());
        r.putNull("service_notice");
        r.put("requested_datetime", Json.time(d.filedAt(), zone));
        r.put("updated_datetime", Json.time(d.updatedAt(), zone));
        r.put("expected_datetime", Json.time(d.expectedAt(), zone));
        if (details) {
            r.put("address", d.location());
        } else {
            r.putNull("address");
        }
        r.putNull("address_id");
        r.putNull("zipcode");
        if (d.point().isPresent()) {
            double lat = d.point().get().latitude();
            double lon = d.point().get().longitude();
            r.put("lat", details ? lat : Math.round(lat * PUBLIC_GRID) / PUBLIC_GRID);
            r.put("long", details ? lon : Math.round(lon * PUBLIC_GRID) / PUBLIC_GRID);
        } else {
            r.putNull("lat");
            r.putNull("long");
        }
        // media_url is "a URL to media associated with the request": only one an Open311 client gave
        // Kanal itself. A Telegram photo is a file_id reference (its download URL would carry the bot
        // token) and a Twilio media URL names the account; neither is published.
        Optional<String> url = details ? d.media().stream().map(m -> m.url())
                .filter(u -> u.startsWith("https://") || u.startsWith("http://"))
                .filter(u -> !isProviderUrl(u)).findFirst() : Optional.empty();
        if (url.isEmpty()) {
            r.putNull("media_url");
        } else {
            r.put("media_url", url.get());
        }
        return r;
    }

    private static boolean isProviderUrl(String url) {
        String host = Optional.ofNullable(java.net.URI.create(url.replace(" ", "%20")).getHost()).orElse("")
                .toLowerCase(java.util.Locale.ROOT);
        return host.equals("twilio.com") || host.endsWith(".twilio.com") || host.endsWith("telegram.org");
    }
}
