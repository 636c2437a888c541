package id.kanal.channels.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code application/x-www-form-urlencoded} body as a map (the first value of a repeated
 * name wins, as in Twilio's signature scheme). Malformed percent-escapes are a caller error.
 */
public final class FormBody {
    private final Map<String, String> fields;

    /** Takes the map parsed for it (no one else holds it): a record's defensive copy was a second map per request. */
    private FormBody(LinkedHashMap<String, String> fields) {
        this.fields = Collections.unmodifiableMap(fields);
    }

    /** The fields in the order sent. */
    public Map<String, String> fields() {
        return fields;
    }

    /** Parses a body; throws {@link MalformedRequestException} when it is not valid form encoding. */
    public static FormBody parse(String body) {
        LinkedHashMap<String, String> fields = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return new FormBody(fields);
        }
        try {
            // Pair by pair with indexOf: a split would copy every pair once more before its name and value.
            for (int start = 0; start <= body.length(); ) {
                int end = body.indexOf('&', start);
                if (end < 0) {
                    end = body.length();
                }
                if (end > start) {
                    int eq = body.indexOf('=', start);
                    boolean hasValue = eq >= 0 && eq < end;
                    String name = decode(body.substring(start, hasValue ? eq : end));
                    String value = hasValue ? decode(body.substring(eq + 1, end)) : "";
                    fields.putIfAbsent(name, value);
                }
                start = end + 1;
            }
        } catch (IllegalArgumentException e) {
            throw new MalformedRequestException("body is not form-encoded: " + e.getMessage());
        }
        return new FormBody(fields);
    }

    /** Most names and many values carry no escape: those are taken as they are, without a copy. */
    private static String decode(String encoded) {
        return encoded.indexOf('%') < 0 && encoded.indexOf('+') < 0 ? encoded
                : URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** A non-blank field, or empty. */
    public Optional<String> nonBlank(String name) {
        return get(name).filter(v -> !v.isBlank());
    }
}
