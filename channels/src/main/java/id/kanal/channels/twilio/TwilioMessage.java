package id.kanal.channels.twilio;

import id.kanal.channels.web.FormBody;
import id.kanal.channels.web.MalformedRequestException;
import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.GeoPoint;
import id.kanal.dialog.InboundMessage;
import id.kanal.dialog.Media;
import id.kanal.dialog.PhoneNumbers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Twilio's Messaging webhook, as far as Kanal reads it
 * (https://www.twilio.com/docs/messaging/guides/webhook-request).
 */
record TwilioMessage(String messageSid, String from, String body, List<Media> media, Optional<GeoPoint> location,
                     Optional<String> placeName, Optional<String> profileName, Optional<String> to) {
    /** Twilio sends at most 10 media per message. */
    private static final int MAX_MEDIA = 10;

    static TwilioMessage parse(FormBody form) {
        String sid = form.nonBlank("MessageSid").orElseThrow(() -> new MalformedRequestException("MessageSid missing"));
        String from = form.nonBlank("From").orElseThrow(() -> new MalformedRequestException("From missing"));
        int numMedia = form.nonBlank("NumMedia").map(TwilioMessage::count).orElse(0);
        List<Media> media = new ArrayList<>();
        for (int i = 0; i < Math.min(numMedia, MAX_MEDIA); i++) {
            Optional<String> url = form.nonBlank("MediaUrl" + i);
            if (url.isPresent()) {
                media.add(new Media(url.get(), form.nonBlank("MediaContentType" + i).orElse("application/octet-stream")));
            }
        }
        // WhatsApp location shares: Label is the place's name, Address its street address
        // (https://www.twilio.com/docs/messaging/guides/webhook-request#whatsapp-location-parameters).
        List<String> parts = new ArrayList<>();
        form.nonBlank("Label").map(String::strip).ifPresent(parts::add);
        form.nonBlank("Address").map(String::strip).filter(a -> !parts.contains(a)).ifPresent(parts::add);
        Optional<String> place = parts.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", parts));
        return new TwilioMessage(sid, from, form.get("Body").orElse(""), media, location(form), place,
                form.nonBlank("ProfileName").map(String::strip), form.nonBlank("To").map(String::strip));
    }

    private static int count(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new MalformedRequestException("NumMedia is not a number");
        }
    }

    private static Optional<GeoPoint> location(FormBody form) {
        Optional<String> lat = form.nonBlank("Latitude");
        Optional<String> lon = form.nonBlank("Longitude");
        if (lat.isEmpty() || lon.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new GeoPoint(Double.parseDouble(lat.get()), Double.parseDouble(lon.get())));
        } catch (IllegalArgumentException e) {
            throw new MalformedRequestException("Latitude/Longitude invalid");
        }
    }

    InboundMessage toInbound(Channel channel, Instant receivedAt) {
        String number = PhoneNumbers.normalise(from)
                .orElseThrow(() -> new MalformedRequestException("From is not a phone number"));
        // A shared location has no Body: its name and address stand in as the resident's words,
        // so a complaint's location step gets readable text along with the coordinates.
        String text = body.isBlank() && location.isPresent() ? placeName.orElse(body) : body;
        return new InboundMessage(messageSid, new Address(channel, number), text, media, location, receivedAt, to);
    }
}
