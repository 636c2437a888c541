package id.kanal.channels.web;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A request body read up to a channel's own limit, far below the server's 1 MiB: a provider never
 * sends more than its protocol allows, so a bigger body is refused with 413 before it is parsed or
 * stored. A declared {@code Content-Length} above the limit is refused without reading; a chunked
 * body is read only up to the limit.
 */
public final class BoundedBody {
    private BoundedBody() {
    }

    /** The body as bytes; {@link ClientErrorException} 413 when it is longer than {@code maxBytes}. */
    public static byte[] bytes(ServerRequest req, int maxBytes) {
        long declared = req.headers().first(HeaderNames.CONTENT_LENGTH).map(BoundedBody::length).orElse(-1L);
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        // Not closed here: closing drains the rest of the body, and after the server refused it (an
        // oversized chunk) the rest is attacker-chosen bytes; the server itself consumes or drops it.
        if (!req.content().hasEntity()) {
            return new byte[0]; // Helidon refuses to read an entity that is not there
        }
        InputStream in = req.content().inputStream();
        try {
            // A declared length is read into an array of that size (the server ends the stream there);
            // asking for the limit made readNBytes allocate a 16 KiB chunk per request, for a body of
            // a few hundred bytes, and copy it: the largest source of garbage on the webhook path.
            boolean framedByLength = declared >= 0 && !req.headers().contains(HeaderNames.TRANSFER_ENCODING);
            byte[] body = in.readNBytes(framedByLength ? (int) declared : maxBytes + 1);
            if (body.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("request body unreadable", e);
        }
    }

    /** The body as UTF-8 text, at most {@code maxBytes} bytes of it. */
    public static String text(ServerRequest req, int maxBytes) {
        return new String(bytes(req, maxBytes), StandardCharsets.UTF_8);
    }

    /** A text field longer than its protocol allows (counted in characters, as providers count them). */
    public static void checkLength(String field, String value, int maxCharacters) {
        if (value.codePointCount(0, value.length()) > maxCharacters) {
            throw ClientErrorException.tooLarge(field + " is longer than " + maxCharacters + " characters");
        }
    }

    private static long length(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static ClientErrorException tooLarge(int maxBytes) {
        return ClientErrorException.tooLarge("the body is larger than " + maxBytes + " bytes");
    }
}
