package id.kanal.store;

/** A database call failed; carries the cause, never the SQL parameters (they may be personal data). */
public class DatabaseException extends RuntimeException {
    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
