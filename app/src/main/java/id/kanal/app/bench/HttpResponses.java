package id.kanal.app.bench;

import java.nio.charset.StandardCharsets;

/** Finds where an HTTP/1.1 answer ends in the bytes read so far (Content-Length or chunked), for the load generator. */
final class HttpResponses {
    private HttpResponses() {
    }

    /** A complete answer at the start of the bytes: its status and how many bytes it took. */
    record Answer(int status, int length) {
    }

    /**
     * The answer at the start of {@code bytes[0, length)}, or null while it is incomplete.
     *
     * @throws IllegalArgumentException when the bytes are not an HTTP/1.1 answer
     */
    static Answer parse(byte[] bytes, int length) {
        int headEnd = indexOf(bytes, 0, length, "\r\n\r\n");
        if (headEnd < 0) {
            return null;
        }
        String head = new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
            throw new IllegalArgumentException("not an HTTP answer: " + lines[0]);
        }
        int status = Integer.parseInt(statusLine[1]);
        long contentLength = 0;
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            String lower = lines[i].toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                contentLength = Long.parseLong(lower.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        int body = headEnd + 4;
        int end = chunked ? chunkedEnd(bytes, body, length) : (int) Math.min(Integer.MAX_VALUE, body + contentLength);
        return end < 0 || end > length ? null : new Answer(status, end);
    }

    /** Where a chunked body starting at {@code from} ends (after its last chunk and empty trailer), or -1 if not yet. */
    private static int chunkedEnd(byte[] bytes, int from, int length) {
        int at = from;
        while (true) {
            int lineEnd = indexOf(bytes, at, length, "\r\n");
            if (lineEnd < 0) {
                return -1;
            }
            String size = new String(bytes, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int semicolon = size.indexOf(';'); // chunk extensions
            long chunk = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
            at = lineEnd + 2;
            if (chunk == 0) {
                int trailerEnd = indexOf(bytes, at, length, "\r\n");
                return trailerEnd < 0 ? -1 : trailerEnd + 2;
            }
            at += (int) chunk + 2;
            if (at > length) {
                return -1;
            }
        }
    }

    private static int indexOf(byte[] bytes, int from, int length, String ascii) {
        outer:
        for (int i = from; i <= length - ascii.length(); i++) {
            for (int j = 0; j < ascii.length(); j++) {
                if (bytes[i + j] != ascii.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
