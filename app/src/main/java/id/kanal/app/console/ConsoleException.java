package id.kanal.app.console;

import id.kanal.channels.web.ClientErrorException;

import java.util.function.Supplier;

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

    /**
     * Runs a call whose IllegalArgumentException refuses the caller's input (an unknown area, a bad
     * role, name or password, a taken name: the contract the services and {@code kanal add-agent}
     * rely on), as a 400 with its reason. Only the wrapped call is translated: an
     * IllegalArgumentException anywhere else is a bug and answers 500.
     */
    static <T> T refusedAsBadRequest(Supplier<T> call) {
        try {
            return call.get();
        } catch (IllegalArgumentException e) {
            throw badRequest(e.getMessage());
        }
    }

    /** {@link #refusedAsBadRequest(Supplier)} for a call that answers nothing. */
    static void refusedAsBadRequest(Runnable call) {
        refusedAsBadRequest(() -> {
            call.run();
            return null;
        });
    }
}
