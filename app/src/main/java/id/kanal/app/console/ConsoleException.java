package id.kanal.app.console;

import id.kanal.channels.web.ClientErrorException;

/**
 * A console request that cannot be served: the status and a message the browser shows, answered
 * by the server's ErrorMapping. {@code badRequest}, {@code forbidden} and {@code notFound} come from
 * {@link ClientErrorException}.
 */
final class ConsoleException extends ClientErrorException {
    ConsoleException(int status, String message) {
        super(status, message);
    }

    static ConsoleException conflict(String message) {
        return new ConsoleException(409, message);
    }
}
