package id.kanal.services.open311;

/** The external Open311 desk failed or refused; forwarding retries later. */
public final class Open311Exception extends Exception {
    public Open311Exception(String message, Throwable cause) {
        super(message, cause);
    }
}
