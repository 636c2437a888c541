package id.kanal.services.complaints;

import id.kanal.dialog.Media;
import id.kanal.dialog.port.MediaDownloadException;
import id.kanal.dialog.port.MediaDownloader;
import id.kanal.services.Backoff;
import id.kanal.services.BackgroundLoop;
import id.kanal.store.Database;
import id.kanal.store.Statements;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Fetches the photos residents sent with their complaints from the provider that holds them and
 * keeps them in the database ({@code complaint_photo}), so that staff see them without the
 * provider's URL, and after the provider has dropped them.
 *
 * <p>Why the database, on SQLite as on PostgreSQL: one code path; the photo commits with its state
 * in one transaction (no file without a row, no row without a file after a crash); a backup of
 * the database is a backup of everything; several PostgreSQL nodes see the same photos. The size
 * cap ({@code KANAL_PHOTO_MAX_BYTES}, 5 MiB by default, which is Twilio's own limit on a
 * message's media) keeps the database's growth bounded; lists never read the bytes.
 *
 * <p>Durable and apart from the resident's answer: filing marks each photo {@code PENDING} in the
 * complaint's transaction, and the resident gets their ticket then, whatever the provider does
 * later. {@link #fetchOnce()} takes the due ones: a photo that is too large or is not an image by
 * its bytes (whatever type the provider claimed) is refused at once ({@code FAILED}, with the
 * reason staff see); a provider that does not answer, or answers 5xx or 429, is asked again with
 * backoff (30 s doubling, at most an hour) up to {@link #MAX_ATTEMPTS} times before the photo is
 * marked {@code FAILED}. {@link #start()} runs it every few seconds on one thread, and
 * {@link #wake()} runs it at once (after a filing with photos).
 */
public final class PhotoFetcher implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PhotoFetcher.class.getName());
    static final int MAX_ATTEMPTS = 8;
    private static final int BATCH = 10;
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));
    private static final Duration EVERY = Duration.ofSeconds(5);
    /** Longer than a download may take (its timeouts are 10-20 s): a fetcher that crashed mid-download is taken over after it. */
    private static final Duration CLAIM_LEASE = Duration.ofMinutes(2);

    private final Database db;
    private final List<MediaDownloader> downloaders;
    private final long maxBytes;
    private final Clock clock;
    private final BackgroundLoop loop = new BackgroundLoop("kanal-photo-fetcher", EVERY, Duration.ofSeconds(30),
            this::fetchOnce);

    /**
     * @param downloaders one per channel that can fetch media (the channels that hold the credentials)
     * @param maxBytes    the largest photo kept
     */
    public PhotoFetcher(Database db, List<MediaDownloader> downloaders, long maxBytes, Clock clock) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        this.db = db;
        this.downloaders = List.copyOf(downloaders);
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    private record Due(String ticket, int position, Media media, long nextAt) {
    }

    /** Fetches every photo due now; returns how many it stored. */
    public int fetchOnce() {
        long now = clock.millis();
        List<Due> due = db.read(c -> Statements.list(c, "SELECT ticket, position, url, content_type, fetch_next_at "
                        + "FROM complaint_media WHERE fetch_state = 'PENDING' AND fetch_next_at <= ? "
                        + "ORDER BY fetch_next_at, ticket, position LIMIT " + BATCH,
                rs -> new Due(rs.getString(1), rs.getInt(2), new Media(rs.getString(3), rs.getString(4)), rs.getLong(5)),
                now));
        int stored = 0;
        for (Due d : due) {
            if (claim(d, now) && fetch(d)) {
                stored++;
            }
        }
        return stored;
    }

    /**
     * Takes a due photo for this attempt by moving its next attempt a lease ahead: only one caller
     * (another thread, another node) wins it, so the provider is asked once.
     */
    private boolean claim(Due d, long now) {
        return db.inTransaction(c -> Statements.update(c, "UPDATE complaint_media SET fetch_next_at = ? "
                        + "WHERE ticket = ? AND position = ? AND fetch_state = 'PENDING' AND fetch_next_at = ?",
                now + CLAIM_LEASE.toMillis(), d.ticket(), d.position(), d.nextAt()) == 1);
    }

    private boolean fetch(Due d) {
        Optional<MediaDownloader> downloader = downloaders.stream().filter(x -> x.handles(d.media())).findFirst();
        if (downloader.isEmpty()) {
            // The channel that received it is not configured now (no Twilio account, no bot token): it may be again.
            failed(d, MediaDownloadException.transientFailure("no channel is configured to fetch this photo"));
            return false;
        }
        byte[] bytes;
        try {
            bytes = downloader.get().download(d.media(), maxBytes);
        } catch (MediaDownloadException e) {
            failed(d, e);
            return false;
        } catch (RuntimeException e) {
            failed(d, MediaDownloadException.transientFailure("download failed: " + e.getClass().getSimpleName()));
            return false;
        }
        Optional<ImageType> type = ImageType.of(bytes);
        if (type.isEmpty()) {
            failed(d, MediaDownloadException.refused("not an image (JPEG, PNG, GIF or WebP by its bytes; the sender said "
                    + clip(d.media().contentType(), 60) + ")"));
            return false;
        }
        if (bytes.length > maxBytes) {
            failed(d, MediaDownloadException.refused("larger than " + maxBytes + " bytes"));
            return false;
        }
        long now = clock.millis();
        boolean kept = db.inTransaction(c -> {
            if (Statements.update(c, "UPDATE complaint_media SET fetch_state = 'STORED', fetch_error = NULL, "
                    + "fetch_attempts = fetch_attempts + 1 WHERE ticket = ? AND position = ? AND fetch_state = 'PENDING'",
                    d.ticket(), d.position()) != 1) {
                return false; // another node stored it meanwhile
            }
            Statements.update(c, "INSERT INTO complaint_photo (ticket, position, content_type, size_bytes, bytes, stored_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", d.ticket(), d.position(), type.get().contentType(), bytes.length, bytes, now);
            return true;
        });
        if (kept) {
            LOG.log(System.Logger.Level.INFO, "complaint photo stored ticket={0} position={1} type={2} bytes={3}",
                    d.ticket(), d.position(), type.get().contentType(), String.valueOf(bytes.length));
        }
        return kept;
    }

    private void failed(Due d, MediaDownloadException e) {
        db.inTransaction(c -> {
            int attempts = Statements.first(c, "SELECT fetch_attempts FROM complaint_media WHERE ticket = ? AND position = ?",
                    rs -> rs.getInt(1), d.ticket(), d.position()).orElse(0) + 1;
            boolean giveUp = e.permanent() || attempts >= MAX_ATTEMPTS;
            Duration wait = BACKOFF.after(attempts);
            Statements.update(c, "UPDATE complaint_media SET fetch_state = ?, fetch_attempts = ?, fetch_next_at = ?, "
                            + "fetch_error = ? WHERE ticket = ? AND position = ? AND fetch_state = 'PENDING'",
                    giveUp ? "FAILED" : "PENDING", attempts, clock.millis() + wait.toMillis(), clip(e.getMessage(), 300),
                    d.ticket(), d.position());
            LOG.log(System.Logger.Level.WARNING, "complaint photo not fetched ticket={0} position={1} attempt={2} "
                            + "error={3} {4}", d.ticket(), d.position(), attempts, e.getMessage(),
                    giveUp ? "(given up)" : "(retry in " + wait + ")");
            return null;
        });
    }

    private static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    /** Runs {@link #fetchOnce()} every few seconds on a background thread. */
    public void start() {
        if (loop.start()) {
            LOG.log(System.Logger.Level.INFO, "complaint photo fetcher started downloaders={0} maxBytes={1}",
                    downloaders, String.valueOf(maxBytes));
        }
    }

    /** Fetches now rather than at the next round (a complaint with photos was just filed); nothing when not started. */
    public void wake() {
        loop.wake();
    }

    @Override
    public void close() {
        loop.close();
    }
}
