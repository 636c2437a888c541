package id.kanal.dialog.port;

import id.kanal.dialog.Media;

/**
 * Downloads a photo a resident sent, from the provider that holds it (Twilio media with the
 * account's credentials, Telegram's {@code getFile}). Implemented by the channel that received
 * the media; the complaint desk stores the bytes, so staff never need the provider's URL.
 */
public interface MediaDownloader {
    /** Whether this downloader knows where {@code media} lives (its URL or reference is the provider's). */
    boolean handles(Media media);

    /**
     * The media's bytes, at most {@code maxBytes} of them.
     *
     * @throws MediaDownloadException when it cannot be had now ({@link MediaDownloadException#permanent()}
     *                                false: try again later) or ever (too large, gone, refused)
     */
    byte[] download(Media media, long maxBytes) throws MediaDownloadException;
}
