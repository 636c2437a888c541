package id.kanal.dialog.port;

/**
 * A download that failed. The message is shown to staff and logged: it never holds the
 * provider's URL or a credential (a Telegram file URL carries the bot token).
 */
public final class MediaDownloadException extends Exception {
    private final boolean permanent;

    public MediaDownloadException(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    /** Trying again cannot help (too large, not found, refused); otherwise it may (a timeout, a 5xx). */
    public boolean permanent() {
        return permanent;
    }

    public static MediaDownloadException transientFailure(String message) {
        return new MediaDownloadException(message, false);
    }

    public static MediaDownloadException refused(String message) {
        return new MediaDownloadException(message, true);
    }
}
