package id.kanal.channels.web;

/**
 * A request the caller got wrong (a 4xx status and a message the caller may read), as opposed to
 * Kanal failing: thrown by route code and answered by the server's one error mapping, or by a
 * provider webhook in its provider's form. Anything else that escapes a handler is Kanal's own
 * fault and answers 500. It lives here, not in app, so channels and app throw the same type
 * (channels cannot see app; dialog knows nothing of HTTP).
 */
public class ClientErrorException extends RuntimeException {
    private final int status;

    /** @param status a 4xx HTTP status */
    public ClientErrorException(int status, String message) {
        // No stack trace: the caller's mistake is described by the message, and refusals can be frequent.
        super(message, null, false, false);
        if (status < 400 || status > 499) {
            throw new IllegalArgumentException("a client error has a 4xx status: " + status);
        }
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ClientErrorException badRequest(String message) {
        return new ClientErrorException(400, message);
    }

    public static ClientErrorException forbidden(String message) {
        return new ClientErrorException(403, message);
    }

    public static ClientErrorException notFound(String message) {
        return new ClientErrorException(404, message);
    }

    /** A message above what the channel's protocol allows (413). */
    public static ClientErrorException tooLarge(String message) {
        return new ClientErrorException(413, message);
    }
}
