package id.kanal.app.console;

import id.kanal.channels.twilio.TwilioSigner;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A resident on WhatsApp: Twilio-signed webhooks to a running Kanal, with a photo (MediaUrl0, as
 * Twilio sends it) or a shared location, as Twilio would post them.
 */
final class WhatsAppResident {
    private static final Pattern TICKET = Pattern.compile("TNG-\\d{6}");
    private static final AtomicInteger SIDS = new AtomicInteger();
    private final String base;
    private final String authToken;
    private final String number;
    private final HttpClient http = HttpClient.newHttpClient();

    WhatsAppResident(String base, String authToken, String number) {
        this.base = base;
        this.authToken = authToken;
        this.number = number;
    }

    /** Sends one message (Body plus any other Twilio fields) and returns Kanal's TwiML answer. */
    String send(String body, Map<String, String> fields) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", "SM" + String.format("%032d", SIDS.incrementAndGet()));
        form.put("AccountSid", "AC11111111111111111111111111111111");
        form.put("From", "whatsapp:" + number);
        form.put("To", "whatsapp:+6221500123");
        form.put("Body", body);
        form.put("NumMedia", "0");
        form.putAll(fields);
        StringBuilder encoded = new StringBuilder();
        form.forEach((k, v) -> encoded.append(encoded.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(base + "/channels/whatsapp"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioSigner.sign(authToken, "http://localhost/channels/whatsapp", form))
                .POST(HttpRequest.BodyPublishers.ofString(encoded.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) {
            throw new AssertionError("webhook answered " + res.statusCode() + ": " + res.body());
        }
        return res.body();
    }

    /**
     * Files a flooding complaint: the problem, a photo (Twilio's media URL), the place shared as a
     * location, then "ya". Returns the ticket from Kanal's answer.
     */
    String fileWithPhoto(String mediaUrl, double lat, double lon) throws Exception {
        send("ada banjir di perumahan", Map.of());
        send("", Map.of("NumMedia", "1", "MediaUrl0", mediaUrl, "MediaContentType0", "image/jpeg"));
        send("", Map.of("Latitude", String.valueOf(lat), "Longitude", String.valueOf(lon)));
        String answer = send("ya", Map.of());
        Matcher m = TICKET.matcher(answer);
        if (!m.find()) {
            throw new AssertionError("no ticket in the answer: " + answer);
        }
        return m.group();
    }
}
