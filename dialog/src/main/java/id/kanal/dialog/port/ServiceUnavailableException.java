package id.kanal.dialog.port;

/**
 * A service behind a port could not answer (database locked, remote endpoint down). The
 * dialog turns it into a polite reply; adapters never let a library exception cross instead.
 */
public class ServiceUnavailableException extends RuntimeException {
    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
