package id.kanal.app.open311;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.kanal.app.web.Json;
import id.kanal.services.complaints.ComplaintDetail;

import java.time.ZoneId;
import java.util.Optional;

/** A complaint as an Open311 GeoReport v2 service request, every field of the spec's example, absent ones null. */
final class Open311Json {
    private Open311Json() {
    }

    static ObjectNode request(ComplaintDetail d, ZoneId zone) {
        ObjectNode r = Json.object();
        r.put("service_request_id", d.ticket());
        r.put("status", d.status().isOpen() ? "open" : "closed");
        if (d.lastNote().isPresent()) {
            r.put("status_notes", d.lastNote().get());
        } else {
            r.putNull("status_notes");
        }
        r.put("service_name", d.category().nameId());
        r.put("service_code", d.category().code());
        r.put("description", d.description());
        r.put("agency_responsible", d.category().agencyName());
        r.putNull("service_notice");
        r.put("requested_datetime", Json.time(d.filedAt(), zone));
        r.put("updated_datetime", Json.time(d.updatedAt(), zone));
        r.put("expected_datetime", Json.time(d.expectedAt(), zone));
        r.put("address", d.location());
        r.putNull("address_id");
        r.putNull("zipcode");
        if (d.point().isPresent()) {
            r.put("lat", d.point().get().latitude());
            r.put("long", d.point().get().longitude());
        } else {
            r.putNull("lat");
            r.putNull("long");
        }
        // media_url is "a URL to media associated with the request": a Telegram photo is kept as a
        // file_id reference (its download URL would carry the bot token), so it is not one.
        Optional<String> url = d.media().stream().map(m -> m.url())
                .filter(u -> u.startsWith("https://") || u.startsWith("http://")).findFirst();
        if (url.isEmpty()) {
            r.putNull("media_url");
        } else {
            r.put("media_url", url.get());
        }
        return r;
    }
}
