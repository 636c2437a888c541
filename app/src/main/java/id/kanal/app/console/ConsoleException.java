package id.kanal.app.console;

/** A console request that cannot be served: the status and a message the browser shows. */
final class ConsoleException extends RuntimeException {
    private final int status;

    ConsoleException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    static ConsoleException badRequest(String message) {
        return new ConsoleException(400, message);
    }

    static ConsoleException forbidden(String message) {
        return new ConsoleException(403, message);
    }

    static ConsoleException notFound(String message) {
        return new ConsoleException(404, message);
    }

    static ConsoleException conflict(String message) {
        return new ConsoleException(409, message);
    }
}
