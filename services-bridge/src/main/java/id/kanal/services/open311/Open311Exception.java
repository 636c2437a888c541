package id.kanal.services.open311;

/**
 * The external Open311 desk failed or refused. A transient failure (no answer, 5xx, 408, 429) is
 * retried later; a permanent one (another 4xx: the desk judged the request and said no) is not,
 * since the same request would be refused again.
 */
public final class Open311Exception extends Exception {
    private final boolean permanent;

    public Open311Exception(String message, Throwable cause) {
        this(message, cause, false);
    }

    public Open311Exception(String message, Throwable cause, boolean permanent) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
